//! Practice: answer questions one at a time and see, after each, which
//! options were right, why every option is right or wrong, and where the
//! AWS documentation says so.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::question_card::QuestionCard;
use crate::content::{load_domains, ContentState};
use crate::domain::practice::{Phase, Practice as Session, PracticeAction};
use crate::domain::question::{ChoiceId, Question};

/// The page's state: the set is loading, failed, or in progress.
#[derive(Debug, Clone, PartialEq)]
pub enum PracticeState {
    Loading,
    Failed(String),
    Active(Session),
}

/// Typed actions for `use_reducer`.
pub enum PracticeMsg {
    Loaded(Rc<[Question]>),
    LoadFailed(String),
    Do(PracticeAction),
}

impl Reducible for PracticeState {
    type Action = PracticeMsg;

    fn reduce(self: Rc<Self>, action: PracticeMsg) -> Rc<Self> {
        Rc::new(match (action, &*self) {
            (PracticeMsg::Loaded(qs), _) => PracticeState::Active(Session::new(qs)),
            (PracticeMsg::LoadFailed(e), _) => PracticeState::Failed(e),
            (PracticeMsg::Do(a), PracticeState::Active(s)) => PracticeState::Active(s.apply(a)),
            (PracticeMsg::Do(_), _) => return self,
        })
    }
}

/// Which questions a practice set holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetScope {
    All,
    Domain(u8),
    /// One question, by id: a deep link to share or revisit.
    Question(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    pub scope: SetScope,
}

#[component]
pub fn Practice(props: &PracticeProps) -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let state = use_reducer_eq(|| PracticeState::Loading);

    {
        let state = state.clone();
        let index = match &content {
            ContentState::Ready(i) => Some(i.clone()),
            _ => None,
        };
        use_effect_with((index, props.scope.clone()), move |(index, scope)| {
            if let Some(index) = index.clone() {
                let scope = scope.clone();
                let domains: Vec<u8> = match &scope {
                    SetScope::All => index.blueprint.domains.iter().map(|d| d.number).collect(),
                    SetScope::Domain(d) => vec![*d],
                    SetScope::Question(id) => index
                        .questions
                        .iter()
                        .find(|q| q.id == id.as_str())
                        .map(|q| vec![q.domain])
                        .unwrap_or_default(),
                };
                wasm_bindgen_futures::spawn_local(async move {
                    state.dispatch(match load_domains(&index, &domains).await {
                        Ok(mut qs) => {
                            if let SetScope::Question(id) = &scope {
                                qs.retain(|q| q.id == id.as_str());
                            }
                            PracticeMsg::Loaded(qs.into())
                        }
                        Err(e) => PracticeMsg::LoadFailed(e),
                    });
                });
            }
        });
    }

    let picker = match &content {
        ContentState::Ready(index) => html! {
            <nav class="domain-picker" aria-label="Choose a domain">
                <Link<Route> to={Route::Practice} classes={classes!((props.scope == SetScope::All).then_some("active"))}>{ "All domains" }</Link<Route>>
                { for index.blueprint.domains.iter().map(|d| html! {
                    <Link<Route> to={Route::PracticeDomain { domain: d.number }}
                        classes={classes!((props.scope == SetScope::Domain(d.number)).then_some("active"))}>
                        { format!("Domain {}", d.number) }
                    </Link<Route>>
                }) }
            </nav>
        },
        _ => Html::default(),
    };

    let body = match (&content, &*state) {
        (ContentState::Failed(e), _) | (_, PracticeState::Failed(e)) => {
            html! { <p class="error" role="alert">{ e.clone() }</p> }
        }
        (ContentState::Loading, _) | (_, PracticeState::Loading) => {
            html! { <p class="loading" role="status">{ "Loading questions…" }</p> }
        }
        (_, PracticeState::Active(session)) => {
            let dispatch = state.dispatcher();
            html! { <SessionView session={session.clone()} on_action={Callback::from(move |a| dispatch.dispatch(PracticeMsg::Do(a)))} /> }
        }
    };

    html! {
        <section class="practice">
            <h1>{ "Practice" }</h1>
            { picker }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionViewProps {
    pub session: Session,
    pub on_action: Callback<PracticeAction>,
}

/// The current question with its controls, or the set's summary.
#[component]
pub fn SessionView(props: &SessionViewProps) -> Html {
    let s = &props.session;
    let act = |a: PracticeAction| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    let Some(question) = s.current() else {
        let total = s.answered.len();
        return html! {
            <div class="summary" role="status">
                if total == 0 {
                    <p>{ "No questions here yet." }</p>
                } else {
                    <h2>{ format!("Set complete: {} of {} correct", s.score(), total) }</h2>
                    <button type="button" class="primary" onclick={act(PracticeAction::Restart)}>{ "Start again" }</button>
                }
            </div>
        };
    };
    let graded = match &s.phase {
        Phase::Revealed(g) => Some(g.clone()),
        _ => None,
    };
    let on_select = {
        let cb = props.on_action.clone();
        Callback::from(move |id: ChoiceId| cb.emit(PracticeAction::SelectChoice(id)))
    };
    let last = s.index + 1 == s.questions.len();
    html! {
        <>
            <QuestionCard question={Rc::new(question.clone())} selection={s.selection.clone()}
                graded={graded.clone()} {on_select} position={Some((s.index + 1, s.questions.len()))} />
            <div class="actions">
                if graded.is_none() {
                    <button type="button" class="primary" disabled={!s.can_submit()} onclick={act(PracticeAction::Submit)}>
                        { "Submit answer" }
                    </button>
                } else {
                    <button type="button" class="primary" onclick={act(PracticeAction::Next)}>
                        { if last { "See results" } else { "Next question" } }
                    </button>
                }
                <span class="score" aria-live="polite">{ format!("{} of {} correct so far", s.score(), s.answered.len()) }</span>
            </div>
        </>
    }
}
