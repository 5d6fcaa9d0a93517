//! Practice: build a set (by domain, task statement, service, difficulty and
//! study state), answer it with immediate or end-of-set feedback, rate your
//! confidence after each answer, and every answer feeds the spaced-repetition
//! schedule. The whole loop works from the keyboard.

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::answer_timer::use_answer_timer;
use crate::components::embed::EmbedCode;
use crate::components::progress::{request_persistence, ProgressAction, ProgressContext};
use crate::components::question_card::QuestionCard;
use crate::content::{load_domains, ContentState};
use crate::domain::practice::{
    command_for_key, Command, Phase, Practice as Session, PracticeAction,
};
use crate::domain::practice_set::{build, SetSpec, StudyState};
use crate::domain::progress::Feedback;
use crate::domain::question::{ChoiceId, ContentIndex, Difficulty, Question};
use crate::domain::schedule::{Confidence, Review};
use crate::routes::Route;

/// The page's state: the set is loading, failed, or in progress.
#[derive(Debug, Clone, PartialEq)]
pub enum PracticeState {
    Loading,
    Failed(String),
    Active(Session),
}

/// Typed actions for `use_reducer`.
pub enum PracticeMsg {
    /// The set's questions, the feedback setting and the option shuffle's
    /// seed (none: the file's order), all fixed for the set's duration.
    Loaded(Rc<[Question]>, Feedback, Option<u64>),
    LoadFailed(String),
    Do(PracticeAction),
}

impl Reducible for PracticeState {
    type Action = PracticeMsg;

    fn reduce(self: Rc<Self>, action: PracticeMsg) -> Rc<Self> {
        Rc::new(match (action, &*self) {
            (PracticeMsg::Loaded(qs, feedback, shuffle), _) => {
                PracticeState::Active(Session::new(qs, feedback).with_shuffle(shuffle))
            }
            (PracticeMsg::LoadFailed(e), _) => PracticeState::Failed(e),
            (PracticeMsg::Do(a), PracticeState::Active(s)) => {
                let next = s.apply(a);
                if &next == s {
                    return self;
                }
                PracticeState::Active(next)
            }
            (PracticeMsg::Do(_), _) => return self,
        })
    }
}

fn describe(spec: &SetSpec, index: &ContentIndex) -> String {
    if let Some(ids) = spec.id_list() {
        return if ids.len() == 1 {
            "One question".into()
        } else {
            format!("{} chosen questions", ids.len())
        };
    }
    let mut parts = Vec::new();
    if let Some(t) = &spec.task {
        parts.push(format!("Task {t}"));
    } else if let Some(d) = spec.domain {
        let name = index.blueprint.domain(d).map_or("", |d| d.name.as_str());
        parts.push(format!("Domain {d}: {name}"));
    } else {
        parts.push("All domains".into());
    }
    if let Some(s) = &spec.service {
        parts.push(s.clone());
    }
    if let Some(d) = spec.difficulty {
        parts.push(d.as_str().into());
    }
    if spec.state != StudyState::Any {
        parts.push(spec.state.label().to_lowercase());
    }
    parts.join(" · ")
}

/// The practice set builder.
#[component]
pub fn PracticeBuilder() -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let progress = use_context::<ProgressContext>();
    let spec = use_state(SetSpec::default);
    let navigator = use_navigator();
    let ContentState::Ready(index) = content else {
        return html! {
            <section class="practice">
                <h1>{ "Practice" }</h1>
                { loading_or_error(&content) }
            </section>
        };
    };
    let doc = progress.as_ref().map(|p| p.doc.clone()).unwrap_or_default();
    let clock = crate::clock::now();
    let matching = index
        .questions
        .iter()
        .filter(|q| spec.matches(q, &doc, clock.now))
        .count();
    let services: BTreeSet<&str> = index
        .questions
        .iter()
        .flat_map(|q| q.services.iter().map(String::as_str))
        .collect();

    let set = |f: fn(&mut SetSpec, String)| {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| {
                    t.dyn_into::<web_sys::HtmlSelectElement>()
                        .ok()
                        .map(|s| s.value())
                        .or_else(|| {
                            e.target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                .map(|i| i.value())
                        })
                })
                .unwrap_or_default();
            let mut next = (*spec).clone();
            f(&mut next, value);
            spec.set(next);
        })
    };
    let on_domain = set(|s, v| {
        s.domain = v.parse().ok();
        if s.task.as_deref().is_some_and(|t| !t.starts_with(&v)) {
            s.task = None;
        }
    });
    let on_task = set(|s, v| s.task = (!v.is_empty()).then_some(v));
    let on_service = set(|s, v| s.service = (!v.is_empty()).then_some(v));
    let on_difficulty = set(|s, v| {
        s.difficulty = match v.as_str() {
            "easy" => Some(Difficulty::Easy),
            "medium" => Some(Difficulty::Medium),
            "hard" => Some(Difficulty::Hard),
            _ => None,
        }
    });
    let on_state = set(|s, v| {
        s.state = StudyState::ALL
            .into_iter()
            .find(|st| st.key() == v)
            .unwrap_or_default()
    });
    let on_size = set(|s, v| s.size = v.parse().ok());
    let start = {
        let spec = spec.clone();
        let navigator = navigator.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut run = (*spec).clone();
            run.seed = Some(crate::clock::now().now as u64);
            if let Some(n) = &navigator {
                let _ = n.push_with_query(&Route::PracticeSet, &run);
            }
        })
    };
    let tasks: Vec<_> = index
        .blueprint
        .domains
        .iter()
        .filter(|d| spec.domain.is_none_or(|n| n == d.number))
        .flat_map(|d| d.tasks.iter())
        .collect();

    html! {
        <section class="practice">
            <h1>{ "Practice" }</h1>
            <form class="set-builder" onsubmit={start}>
                <div class="field">
                    <label for="f-domain">{ "Domain" }</label>
                    <select id="f-domain" onchange={on_domain}>
                        <option value="" selected={spec.domain.is_none()}>{ "All domains" }</option>
                        { for index.blueprint.domains.iter().map(|d| html! {
                            <option value={d.number.to_string()} selected={spec.domain == Some(d.number)}>
                                { format!("{}. {}", d.number, d.name) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="f-task">{ "Task statement" }</label>
                    <select id="f-task" onchange={on_task}>
                        <option value="" selected={spec.task.is_none()}>{ "Any task statement" }</option>
                        { for tasks.iter().map(|t| html! {
                            <option value={t.id.clone()} selected={spec.task.as_deref() == Some(t.id.as_str())}>
                                { format!("{} {}", t.id, t.name) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="f-service">{ "Service" }</label>
                    <select id="f-service" onchange={on_service}>
                        <option value="" selected={spec.service.is_none()}>{ "Any service" }</option>
                        { for services.iter().map(|s| html! {
                            <option value={s.to_string()} selected={spec.service.as_deref() == Some(*s)}>{ *s }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="f-difficulty">{ "Difficulty" }</label>
                    <select id="f-difficulty" onchange={on_difficulty}>
                        <option value="" selected={spec.difficulty.is_none()}>{ "Any difficulty" }</option>
                        <option value="easy" selected={spec.difficulty == Some(Difficulty::Easy)}>{ "Easy" }</option>
                        <option value="medium" selected={spec.difficulty == Some(Difficulty::Medium)}>{ "Medium" }</option>
                        <option value="hard" selected={spec.difficulty == Some(Difficulty::Hard)}>{ "Hard" }</option>
                    </select>
                </div>
                <div class="field">
                    <label for="f-state">{ "Questions" }</label>
                    <select id="f-state" onchange={on_state}>
                        { for StudyState::ALL.iter().map(|st| html! {
                            <option value={st.key()} selected={spec.state == *st}>{ st.label() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="f-size">{ "Set size" }</label>
                    <input id="f-size" type="number" min="1" max="200" value={spec.size().to_string()} onchange={on_size} />
                </div>
                <p class="match-count" aria-live="polite">
                    { format!("{matching} matching question{}", if matching == 1 { "" } else { "s" }) }
                </p>
                <button type="submit" class="primary" disabled={matching == 0}>
                    { format!("Start {} question{}", matching.min(spec.size()), if matching.min(spec.size()) == 1 { "" } else { "s" }) }
                </button>
            </form>
            <p class="hint">{ "Keyboard: 1–6 choose, Enter submits and goes on, 1–3 rate your confidence, F flags, ? lists the shortcuts." }</p>
        </section>
    }
}

fn loading_or_error(content: &ContentState) -> Html {
    match content {
        ContentState::Failed(e) => html! { <p class="error" role="alert">{ e.clone() }</p> },
        _ => html! { <p class="loading" role="status">{ "Loading questions…" }</p> },
    }
}

#[derive(Properties, PartialEq)]
pub struct PracticeFromQueryProps {
    #[prop_or_default]
    pub embedded: bool,
}

/// A set described by the URL query (`#/practice/set?task=1.4&state=due`).
#[component]
pub fn PracticeFromQuery(props: &PracticeFromQueryProps) -> Html {
    let location = use_location();
    let spec = location
        .and_then(|l| l.query::<SetSpec>().ok())
        .unwrap_or_default();
    html! { <PracticeSet {spec} embedded={props.embedded} /> }
}

#[derive(Properties, PartialEq)]
pub struct PracticeSetProps {
    pub spec: SetSpec,
    /// Shown inside someone else's page: no page heading.
    #[prop_or_default]
    pub embedded: bool,
}

/// Builds the set once (a snapshot of progress at the start, so the set does
/// not shift while it is answered), loads its questions and runs it.
#[component]
pub fn PracticeSet(props: &PracticeSetProps) -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let progress = use_context::<ProgressContext>();
    let state = use_reducer_eq(|| PracticeState::Loading);

    {
        let state = state.clone();
        let index = match &content {
            ContentState::Ready(i) => Some(i.clone()),
            _ => None,
        };
        let doc = progress.as_ref().map(|p| p.doc.clone()).unwrap_or_default();
        use_effect_with((index, props.spec.clone()), move |(index, spec)| {
            if let Some(index) = index.clone() {
                let spec = spec.clone();
                let now = crate::clock::now().now;
                let ids = build(&spec, &index.questions, &doc, now, spec.seed.unwrap_or(0));
                let domains: BTreeSet<u8> = index
                    .questions
                    .iter()
                    .filter(|q| ids.contains(&q.id))
                    .map(|q| q.domain)
                    .collect();
                let feedback = doc.settings.feedback();
                // Options are shuffled by the set's seed too, so a shared
                // link shows the same order.
                let shuffle = doc.settings.shuffle().then_some(spec.seed.unwrap_or(0));
                wasm_bindgen_futures::spawn_local(async move {
                    let domains: Vec<u8> = domains.into_iter().collect();
                    state.dispatch(match load_domains(&index, &domains).await {
                        Ok(all) => {
                            let qs: Vec<Question> = ids
                                .iter()
                                .filter_map(|id| all.iter().find(|q| &q.id == id).cloned())
                                .collect();
                            PracticeMsg::Loaded(qs.into(), feedback, shuffle)
                        }
                        Err(e) => PracticeMsg::LoadFailed(e),
                    });
                });
            }
        });
    }

    let title = match &content {
        ContentState::Ready(index) => describe(&props.spec, index),
        _ => String::new(),
    };
    let body = match (&content, &*state) {
        (ContentState::Failed(e), _) | (_, PracticeState::Failed(e)) => {
            html! { <p class="error" role="alert">{ e.clone() }</p> }
        }
        (ContentState::Loading, _) | (_, PracticeState::Loading) => {
            loading_or_error(&ContentState::Loading)
        }
        (_, PracticeState::Active(session)) => {
            let dispatch = state.dispatcher();
            html! {
                <SessionView session={session.clone()} embedded={props.embedded}
                    on_action={Callback::from(move |a| dispatch.dispatch(PracticeMsg::Do(a)))} />
            }
        }
    };

    html! {
        <section class="practice">
            if !props.embedded {
                <h1>{ "Practice" }</h1>
                <p class="set-title">{ title }</p>
            }
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionViewProps {
    pub session: Session,
    pub on_action: Callback<PracticeAction>,
    /// Inside an embed: no "embed this" snippets.
    #[prop_or_default]
    pub embedded: bool,
}

/// The current question with its controls, or the set's summary. Answers
/// are recorded in progress here, when the learner rates confidence.
#[component]
pub fn SessionView(props: &SessionViewProps) -> Html {
    let progress = use_context::<ProgressContext>();
    let help = use_state_eq(|| false);
    let latest = use_mut_ref(|| props.session.clone());
    *latest.borrow_mut() = props.session.clone();
    let timer = use_answer_timer(
        matches!(props.session.phase, Phase::Answering)
            .then_some((props.session.index, props.session.answered.len())),
    );

    // One handler for clicks and keys, so both do exactly the same.
    let command = {
        let progress = progress.clone();
        let on_action = props.on_action.clone();
        let help = help.clone();
        let latest = latest.clone();
        let timer = timer.clone();
        Callback::from(move |c: Command| {
            let session = latest.borrow().clone();
            match c {
                Command::Practice(action) => {
                    if action == PracticeAction::Submit && session.can_submit() {
                        timer.stop();
                    }
                    if let (
                        PracticeAction::Rate(confidence),
                        Phase::Rating(graded),
                        Some(q),
                        Some(p),
                    ) = (&action, &session.phase, session.current(), &progress)
                    {
                        p.dispatch(ProgressAction::Record {
                            id: q.id.clone(),
                            review: Review {
                                at: crate::clock::now().now,
                                correct: graded.correct,
                                confidence: *confidence,
                                ms: timer.took(),
                            },
                        });
                        request_persistence();
                    }
                    on_action.emit(action);
                }
                Command::ToggleFlag => {
                    if let (Some(q), Some(p)) = (session.current(), &progress) {
                        let flagged = p.doc.flagged(&q.id);
                        p.dispatch(ProgressAction::SetFlag {
                            id: q.id.clone(),
                            flagged: !flagged,
                            at: crate::clock::now().now,
                        });
                    }
                }
                Command::ToggleHelp => help.set(!*help),
                Command::CloseHelp => help.set(false),
            }
        })
    };

    {
        let command = command.clone();
        let latest = latest.clone();
        use_effect_with((), move |()| {
            let listener = crate::dom::window().and_then(|w| w.document()).map(|doc| {
                EventListener::new(&doc, "keydown", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() || typing_in_a_field(e) {
                        return;
                    }
                    if let Some(c) = command_for_key(&latest.borrow(), &e.key()) {
                        e.prevent_default();
                        command.emit(c);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let s = &props.session;
    let doc = progress.as_ref().map(|p| p.doc.clone()).unwrap_or_default();
    let emit = |c: Command| {
        let command = command.clone();
        Callback::from(move |_: MouseEvent| command.emit(c.clone()))
    };
    let help_dialog = if *help {
        html! {
            <div class="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-title">
                <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
                <dl>
                    <dt><kbd>{ "1" }</kbd>{ "–" }<kbd>{ "6" }</kbd></dt><dd>{ "Choose option A–F" }</dd>
                    <dt><kbd>{ "Enter" }</kbd></dt><dd>{ "Submit the answer; go to the next question" }</dd>
                    <dt><kbd>{ "1" }</kbd>{ " " }<kbd>{ "2" }</kbd>{ " " }<kbd>{ "3" }</kbd></dt><dd>{ "After submitting: I guessed / Unsure / I knew it" }</dd>
                    <dt><kbd>{ "F" }</kbd></dt><dd>{ "Flag or unflag the question" }</dd>
                    <dt><kbd>{ "?" }</kbd></dt><dd>{ "Show or hide this list" }</dd>
                </dl>
                <button type="button" class="secondary" onclick={emit(Command::CloseHelp)}>{ "Close" }</button>
            </div>
        }
    } else {
        Html::default()
    };

    let Some(question) = s.current() else {
        return html! { <>{ help_dialog }<Summary session={s.clone()} /></> };
    };
    let graded = match &s.phase {
        Phase::Revealed(g) => Some(g.clone()),
        _ => None,
    };
    let on_select = {
        let command = command.clone();
        Callback::from(move |id: ChoiceId| {
            command.emit(Command::Practice(PracticeAction::SelectChoice(id)))
        })
    };
    let flagged = doc.flagged(&question.id);
    let last = s.index + 1 == s.questions.len();
    html! {
        <>
            { help_dialog }
            <QuestionCard question={Rc::new(question.clone())} selection={s.selection.clone()}
                graded={graded.clone()} {on_select} position={Some((s.index + 1, s.questions.len()))}
                locked={matches!(s.phase, Phase::Rating(_))} order={Some(s.order_of(question))} />
            <div class="actions">
                { match &s.phase {
                    Phase::Answering => html! {
                        <button type="button" class="primary" disabled={!s.can_submit()}
                            onclick={emit(Command::Practice(PracticeAction::Submit))}>
                            { "Submit answer" }
                        </button>
                    },
                    Phase::Rating(_) => html! {
                        <div class="confidence" role="group" aria-labelledby="confidence-q">
                            <p id="confidence-q"><strong>{ "How sure were you?" }</strong></p>
                            { for Confidence::ALL.iter().enumerate().map(|(i, c)| html! {
                                <button type="button" class="secondary"
                                    onclick={emit(Command::Practice(PracticeAction::Rate(*c)))}>
                                    <kbd aria-hidden="true">{ i + 1 }</kbd>{ " " }{ c.label() }
                                </button>
                            }) }
                        </div>
                    },
                    Phase::Revealed(_) => html! {
                        <button type="button" class="primary" onclick={emit(Command::Practice(PracticeAction::Next))}>
                            { if last { "See results" } else { "Next question" } }
                        </button>
                    },
                    Phase::Finished => Html::default(),
                } }
                <button type="button" class={classes!("flag", flagged.then_some("on"))} aria-pressed={flagged.to_string()}
                    onclick={emit(Command::ToggleFlag)}>
                    { if flagged { "⚑ Flagged" } else { "⚐ Flag" } }
                </button>
                <button type="button" class="link" onclick={emit(Command::ToggleHelp)}
                    aria-label="Keyboard shortcuts">{ "?" }</button>
                if s.feedback == Feedback::Immediate {
                    <span class="score" aria-live="polite">{ format!("{} of {} correct so far", s.score(), s.answered.len()) }</span>
                } else {
                    <span class="score" aria-live="polite">{ format!("{} answered · results at the end", s.answered.len()) }</span>
                }
            </div>
            if !props.embedded {
                <EmbedCode path={format!("question/{}", question.id)} placeholder={format!("question/{}", question.id)} />
            }
        </>
    }
}

fn typing_in_a_field(e: &web_sys::KeyboardEvent) -> bool {
    if crate::components::note_editor::inside_note_editor(e.target()) {
        return true;
    }
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "select"
                || tag == "textarea"
                || (tag == "input"
                    && !matches!(
                        el.get_attribute("type").as_deref(),
                        Some("radio" | "checkbox")
                    ))
        })
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub session: Session,
}

/// The end of a set: the score, every answer revealed when feedback waited
/// for the end, and a way to retry the misses.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let s = &props.session;
    let total = s.answered.len();
    if total == 0 {
        return html! {
            <div class="summary" role="status">
                <p>{ "No questions match this set." }</p>
                <Link<Route> to={Route::Practice} classes="button">{ "Build another set" }</Link<Route>>
            </div>
        };
    }
    let missed: Vec<String> = s
        .answered
        .iter()
        .filter(|a| !a.graded.correct)
        .filter_map(|a| s.questions.get(a.index).map(|q| q.id.clone()))
        .collect();
    let retry = SetSpec {
        ids: Some(missed.join(",")),
        ..SetSpec::default()
    };
    html! {
        <div class="summary">
            <div role="status"><h2>{ format!("Set complete: {} of {} correct", s.score(), total) }</h2></div>
            <div class="actions">
                if !missed.is_empty() {
                    <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(retry)} classes="button">
                        { format!("Retry the {} missed", missed.len()) }
                    </Link<Route, SetSpec>>
                }
                <Link<Route> to={Route::Practice} classes="button secondary">{ "Build another set" }</Link<Route>>
            </div>
            if s.feedback == Feedback::EndOfSet {
                <ol class="review-list">
                    { for s.answered.iter().filter_map(|a| s.questions.get(a.index).map(|q| html! {
                        <li>
                            <QuestionCard question={Rc::new(q.clone())} selection={a.selection.clone()}
                                graded={Some(a.graded.clone())} on_select={Callback::noop()}
                                order={Some(s.order_of(q))} />
                        </li>
                    })) }
                </ol>
            }
        </div>
    }
}
