//! The exam simulator's landing page: the real exam's format, from the
//! blueprint. The timed simulator itself is built on top of practice and
//! progress; until then this page says so plainly.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::content::ContentState;

#[component]
pub fn Exam() -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let format = match &content {
        ContentState::Ready(index) => {
            let bp = &index.blueprint;
            html! {
                <>
                    <p>
                        { format!("The real exam has {} questions in {} minutes: {} are scored and {} are unscored and unmarked. ",
                            bp.questions, bp.minutes, bp.scored, bp.questions - bp.scored) }
                        { format!("Results are a scaled score from {} to {}; {} passes.", bp.min_score, bp.max_score, bp.passing_score) }
                    </p>
                    <table class="weights">
                        <caption>{ "Scored questions by domain" }</caption>
                        <thead><tr><th scope="col">{ "Domain" }</th><th scope="col">{ "Weight" }</th></tr></thead>
                        <tbody>
                            { for bp.domains.iter().map(|d| html! {
                                <tr><th scope="row">{ format!("{}. {}", d.number, d.name) }</th><td>{ format!("{} %", d.weight) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </>
            }
        }
        ContentState::Failed(e) => html! { <p class="error" role="alert">{ e.clone() }</p> },
        ContentState::Loading => html! { <p class="loading" role="status">{ "Loading…" }</p> },
    };
    html! {
        <section class="exam">
            <h1>{ "Exam simulator" }</h1>
            { format }
            <p class="notice" role="note">
                { "The timed 75-question simulator with a score report is not available in this version yet. " }
                { "Until it is, " }
                <Link<Route> to={Route::Practice}>{ "practice by domain" }</Link<Route>>
                { "." }
            </p>
        </section>
    }
}
