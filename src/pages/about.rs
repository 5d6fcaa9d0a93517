//! About Canary: what it is, how content is sourced, and privacy.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

#[component]
pub fn About() -> Html {
    html! {
        <section class="about">
            <h1>{ "About Canary" }</h1>
            <p>{ "Canary is a free, offline study kit for the AWS Certified DevOps Engineer – Professional exam (DOP-C02)." }</p>
            <h2>{ "The questions" }</h2>
            <p>{ "Every question is original, written in the style of the real exam's scenarios, and cites the AWS documentation page that supports its answer. Each option carries its own explanation." }</p>
            <p><Link<Route> to={Route::Changes}>{ "What changed in the questions" }</Link<Route>>{ ", release by release." }</p>
            <h2>{ "Your data" }</h2>
            <p>{ "There is no server and no tracking. Your settings and progress stay in this browser's storage on this device." }</p>
            <h2>{ "Not affiliated" }</h2>
            <p>{ "AWS and the AWS Certified logos are trademarks of Amazon.com, Inc. or its affiliates. Canary is not affiliated with or endorsed by Amazon Web Services." }</p>
        </section>
    }
}
