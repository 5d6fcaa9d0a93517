//! The exam simulator: start a full (75 questions, 180 minutes), mini or
//! single-domain exam; answer with a navigator, flags and a review screen;
//! resume after a reload; submit (or be submitted by the clock) and get a
//! report with a scaled-score estimate, domain and task breakdowns, a full
//! review and the history of attempts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::pacing::{review_anchor, PaceCheck, PacingReport};
use crate::components::progress::{ProgressAction, ProgressContext};
use crate::components::question_card::QuestionCard;
use crate::content::{load_domains, ContentState};
use crate::domain::exam::{
    draw, score, Attempt, ExamAction, Format, Item, Session, Stage, Timer, PASS_FRACTION,
};
use crate::domain::grading::grade;
use crate::domain::question::{ChoiceId, ContentIndex, Question};
use crate::domain::schedule::{Confidence, Review};
use crate::routes::Route;
use crate::storage::{clear_exam, load_exam, save_exam, BrowserStore};

type Questions = Rc<HashMap<String, Question>>;

/// Loads the questions of `items` (only the domains they come from).
#[hook]
fn use_questions(
    index: Option<Rc<ContentIndex>>,
    items: Vec<Item>,
) -> Option<Result<Questions, String>> {
    let loaded = use_state(|| None::<Result<Questions, String>>);
    {
        let loaded = loaded.clone();
        use_effect_with((index, items), move |(index, items)| {
            if let Some(index) = index.clone() {
                let ids: BTreeSet<String> = items.iter().map(|i| i.id.clone()).collect();
                let domains: Vec<u8> = index
                    .questions
                    .iter()
                    .filter(|q| ids.contains(&q.id))
                    .map(|q| q.domain)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(Some(load_domains(&index, &domains).await.map(|qs| {
                        Rc::new(
                            qs.into_iter()
                                .filter(|q| ids.contains(&q.id))
                                .map(|q| (q.id.clone(), q))
                                .collect(),
                        )
                    })));
                });
            }
        });
    }
    (*loaded).clone()
}

fn ready_index(content: &ContentState) -> Option<Rc<ContentIndex>> {
    match content {
        ContentState::Ready(i) => Some(i.clone()),
        _ => None,
    }
}

/// The exam page's session. Changed only through this reducer, so the
/// clock's tick (which now changes the session every second, crediting time)
/// and a click in the same moment both apply to the latest state.
#[derive(PartialEq, Default)]
pub(super) struct Current(Option<Session>);

pub(super) enum SessionMsg {
    Set(Option<Session>),
    Do(ExamAction),
    /// Another tab stored this exam (`exam_sync`): merge it in.
    Merged(Session),
    /// Another tab removed the stored exam: it was submitted there.
    EndedElsewhere,
}

impl Reducible for Current {
    type Action = SessionMsg;

    fn reduce(self: Rc<Self>, msg: SessionMsg) -> Rc<Self> {
        match msg {
            SessionMsg::Set(s) => Rc::new(Current(s)),
            SessionMsg::Do(a) => match &self.0 {
                Some(s) => {
                    let next = s.apply(a);
                    if &next == s {
                        self
                    } else {
                        Rc::new(Current(Some(next)))
                    }
                }
                None => self,
            },
            SessionMsg::Merged(theirs) => match &self.0 {
                Some(ours) if !ours.submitted() => {
                    let merged = ours.merge_external(&theirs);
                    if &merged == ours {
                        self
                    } else {
                        Rc::new(Current(Some(merged)))
                    }
                }
                _ => self,
            },
            SessionMsg::EndedElsewhere => match &self.0 {
                Some(ours) if !ours.submitted() => Rc::new(Current(None)),
                _ => self,
            },
        }
    }
}

#[component]
pub fn Exam() -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let progress = use_context::<ProgressContext>();
    let navigator = use_navigator();
    // Read once on mount (I/O in an effect, not in a default).
    let session = use_reducer(Current::default);
    let loaded = use_state(|| false);
    {
        let session = session.clone();
        let loaded = loaded.clone();
        let finished = progress
            .as_ref()
            .map(|p| p.doc.exams.clone())
            .unwrap_or_default();
        use_effect_with((), move |()| {
            session.dispatch(SessionMsg::Set(stored_unfinished(&finished)));
            loaded.set(true);
        });
    }
    // Persist every change; an exam never lives only in memory.
    {
        let loaded = *loaded;
        use_effect_with(session.0.clone(), move |s| {
            if loaded {
                let _ = match s {
                    // A submitted session is finished below; until then the
                    // stored copy stays the last answering state, which a
                    // reload resubmits (or the clock does).
                    Some(s) if s.submitted() => Ok(()),
                    Some(s) => save_exam(&BrowserStore, s),
                    None => clear_exam(&BrowserStore),
                };
            }
        });
    }
    super::exam_sync::use_exam_from_other_tabs(session.dispatcher());
    let index = ready_index(&content);
    let items = session
        .0
        .as_ref()
        .map(|s| s.items.clone())
        .unwrap_or_default();
    let questions = use_questions(index.clone(), items);

    // A submitted session becomes an attempt in progress, then the report.
    {
        let session = session.clone();
        let progress = progress.clone();
        let navigator = navigator.clone();
        let index = index.clone();
        let questions = questions.clone();
        use_effect_with(
            (
                session.0.clone(),
                questions
                    .as_ref()
                    .and_then(|q| q.as_ref().ok())
                    .map(|q| q.len()),
            ),
            move |(s, _)| {
                if let (Some(s), Some(index), Some(Ok(qs)), Some(p)) =
                    (s, index, questions, progress)
                {
                    if s.submitted() {
                        let attempt = finish(s, &index, &qs);
                        let reviews = exam_reviews(&attempt, &qs);
                        let n = p
                            .doc
                            .exams
                            .iter()
                            .filter(|a| (a.started_at, a.seed) < (attempt.started_at, attempt.seed))
                            .count();
                        p.dispatch(ProgressAction::FinishExam {
                            attempt: Box::new(attempt),
                            reviews,
                        });
                        // Cleared here, not by the persistence effect: the
                        // page navigates away before that effect would run.
                        let _ = clear_exam(&BrowserStore);
                        session.dispatch(SessionMsg::Set(None));
                        if let Some(nav) = navigator {
                            nav.push(&Route::ExamAttempt { n });
                        }
                    }
                }
            },
        );
    }

    let Some(index) = index else {
        return html! { <section class="exam"><h1>{ "Exam simulator" }</h1><p class="loading" role="status">{ "Loading…" }</p></section> };
    };
    if !*loaded {
        return html! { <section class="exam"><h1>{ "Exam simulator" }</h1></section> };
    }
    match (&session.0, questions) {
        (None, _) => {
            let doc = progress.as_ref().map(|p| p.doc.clone()).unwrap_or_default();
            let on_start = {
                let session = session.clone();
                // The setting as the exam starts; the session keeps it.
                let shuffle = doc.settings.shuffle();
                Callback::from(move |s: Session| {
                    session.dispatch(SessionMsg::Set(Some(s.with_shuffle(shuffle))))
                })
            };
            html! { <StartExam index={index} seen={Rc::new(doc.seen_in_exams())} history={Rc::new(doc.exams.clone())} {on_start} /> }
        }
        (Some(_), None) => html! { <p class="loading" role="status">{ "Loading the exam…" }</p> },
        (Some(_), Some(Err(e))) => html! { <p class="error" role="alert">{ e }</p> },
        (Some(s), Some(Ok(qs))) => {
            let on_action = {
                let session = session.clone();
                Callback::from(move |a: ExamAction| session.dispatch(SessionMsg::Do(a)))
            };
            html! { <Runner session={s.clone()} questions={qs} {on_action} /> }
        }
    }
}

/// The stored exam, unless it is one already in the history (a submitted
/// exam whose stored copy outlived its submission), which is cleared.
fn stored_unfinished(history: &[Attempt]) -> Option<Session> {
    let s = load_exam(&BrowserStore)?;
    if history
        .iter()
        .any(|a| a.started_at == s.timer.started_at && a.seed == s.seed)
    {
        let _ = clear_exam(&BrowserStore);
        return None;
    }
    Some(s)
}

fn picks_of(qs: &Questions) -> impl Fn(&str) -> usize + '_ {
    move |id| qs.get(id).map_or(1, |q| q.kind.picks())
}

/// Scores a submitted session into an attempt.
fn finish(s: &Session, index: &ContentIndex, qs: &Questions) -> Attempt {
    let meta: BTreeMap<String, _> = index
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.clone()))
        .collect();
    let result = score(&s.items, &s.answers, &meta, &index.blueprint, |id, sel| {
        qs.get(id).is_some_and(|q| grade(q, sel).correct)
    });
    Attempt::from_session(s, result).expect("called on a submitted session")
}

/// Every answered exam question feeds the schedule; a flag means the
/// candidate was unsure.
fn exam_reviews(a: &Attempt, qs: &Questions) -> Vec<(String, Review)> {
    a.answers
        .iter()
        .filter_map(|(id, sel)| {
            let q = qs.get(id)?;
            let confidence = if a.flags.contains(id) {
                Confidence::Unsure
            } else {
                Confidence::Knew
            };
            Some((
                id.clone(),
                Review {
                    at: a.submitted_at,
                    correct: grade(q, sel).correct,
                    confidence,
                    ms: None,
                },
            ))
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct StartExamProps {
    pub index: Rc<ContentIndex>,
    pub seen: Rc<BTreeSet<String>>,
    pub history: Rc<Vec<Attempt>>,
    pub on_start: Callback<Session>,
}

#[component]
pub fn StartExam(props: &StartExamProps) -> Html {
    let format = use_state(|| Format::Full);
    let prefer_unseen = use_state(|| true);
    let extension = use_state(|| false);
    let seed_text = use_state(String::new);
    let error = use_state(|| None::<String>);
    let bp = &props.index.blueprint;

    let on_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let v = crate::widgets::event_value(&e);
            format.set(match v.as_str() {
                "mini" => Format::Mini,
                d if d.starts_with('d') => Format::Domain {
                    domain: d[1..].parse().unwrap_or(1),
                },
                _ => Format::Full,
            });
        })
    };
    let toggle = |s: &UseStateHandle<bool>| {
        let s = s.clone();
        Callback::from(move |_: Event| s.set(!*s))
    };
    let on_seed = {
        let seed_text = seed_text.clone();
        Callback::from(move |e: Event| seed_text.set(crate::widgets::event_value(&e)))
    };
    let start = {
        let (format, prefer_unseen, extension, seed_text, error) = (
            format.clone(),
            prefer_unseen.clone(),
            extension.clone(),
            seed_text.clone(),
            error.clone(),
        );
        let index = props.index.clone();
        let seen = props.seen.clone();
        let on_start = props.on_start.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let now = crate::clock::now().now;
            let seed = seed_text
                .trim()
                .parse::<u64>()
                .unwrap_or(now as u64 % 1_000_000_000);
            let none = BTreeSet::new();
            let seen = if *prefer_unseen { &*seen } else { &none };
            match draw(*format, &index.blueprint, &index.questions, seen, seed) {
                Ok(items) => {
                    let timer = Timer::start(now, format.minutes(&index.blueprint), *extension);
                    on_start.emit(Session::new(*format, seed, items, timer));
                }
                Err(short) => error.set(Some(format!(
                    "The bank has {} questions for {} but this exam needs {}.",
                    short.available,
                    if short.domain == 0 {
                        "unscored slots".to_string()
                    } else {
                        format!("domain {}", short.domain)
                    },
                    short.needed
                ))),
            }
        })
    };
    let f = *format;
    html! {
        <section class="exam">
            <h1>{ "Exam simulator" }</h1>
            <p>
                { format!("Like the real exam: {} questions in {} minutes, {} scored and {} unscored (not marked), multiple choice and multiple response, ",
                    bp.questions, bp.minutes, bp.scored, bp.questions - bp.scored) }
                { format!("scored {}–{} with {} to pass. Shorter formats keep the same pace.", bp.min_score, bp.max_score, bp.passing_score) }
            </p>
            <form class="exam-start" onsubmit={start}>
                <div class="field">
                    <label for="exam-format">{ "Format" }</label>
                    <select id="exam-format" onchange={on_format}>
                        <option value="full" selected={f == Format::Full}>{ format!("Full exam: {} questions, {} minutes", Format::Full.questions(bp), Format::Full.minutes(bp)) }</option>
                        <option value="mini" selected={f == Format::Mini}>{ format!("Mini exam: {} questions, {} minutes", Format::Mini.questions(bp), Format::Mini.minutes(bp)) }</option>
                        { for bp.domains.iter().map(|d| {
                            let df = Format::Domain { domain: d.number };
                            html! { <option value={format!("d{}", d.number)} selected={f == df}>{ format!("Domain {}: {} ({} questions, {} minutes)", d.number, d.name, df.questions(bp), df.minutes(bp)) }</option> }
                        }) }
                    </select>
                </div>
                <label class="check"><input type="checkbox" checked={*prefer_unseen} onchange={toggle(&prefer_unseen)} />{ "Prefer questions I have not seen in an exam" }</label>
                <label class="check"><input type="checkbox" checked={*extension} onchange={toggle(&extension)} />{ "30 extra minutes (accommodation)" }</label>
                <div class="field">
                    <label for="exam-seed">{ "Seed (optional: the same seed draws the same exam)" }</label>
                    <input id="exam-seed" inputmode="numeric" value={(*seed_text).clone()} onchange={on_seed} />
                </div>
                if let Some(e) = &*error { <p class="error" role="alert">{ e.clone() }</p> }
                <button type="submit" class="primary">{ "Start the exam" }</button>
            </form>
            <History history={props.history.clone()} index={props.index.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RunnerProps {
    pub session: Session,
    pub questions: Questions,
    pub on_action: Callback<ExamAction>,
}

/// Answering: timer, question, navigator, flags, review and submission.
#[component]
pub fn Runner(props: &RunnerProps) -> Html {
    let now = use_state(|| crate::clock::now().now);
    // The latest time this tab has seen: a clock set backwards gives no time
    // back (the session's own `latest` covers a reload).
    let mark = use_mut_ref(|| i64::MIN);
    let confirming = use_state(|| false);
    {
        let now = now.clone();
        let on_action = props.on_action.clone();
        use_effect_with((), move |()| {
            let tick = move || {
                let t = crate::clock::now().now.max(*mark.borrow());
                *mark.borrow_mut() = t;
                now.set(t);
                on_action.emit(ExamAction::Tick { now: t });
            };
            tick();
            let interval = Interval::new(1000, tick);
            move || drop(interval)
        });
    }
    let s = &props.session;
    let qs = &props.questions;
    let picks = picks_of(qs);
    let act = |a: ExamAction| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    let answered = s.items.len() - s.unanswered(&picks).len();
    let timer = html! {
        <>
            <p class="exam-timer" role="timer" aria-label="Time left">
                <span class="visually-hidden">{ "Time left: " }</span>{ s.timer.display(*now) }
            </p>
            <PaceCheck {answered} total={s.items.len()} elapsed_ms={*now - s.timer.started_at} allowed_ms={s.timer.deadline - s.timer.started_at} />
        </>
    };
    let navigator = html! {
        <nav class="exam-nav" aria-label="Questions">
            <ol>
                { for s.items.iter().enumerate().map(|(i, item)| {
                    let answered = s.is_answered(&item.id, &picks);
                    let flagged = s.flags.contains(&item.id);
                    let label = format!("Question {}{}{}", i + 1, if answered { ", answered" } else { ", not answered" }, if flagged { ", flagged" } else { "" });
                    html! {
                        <li>
                            <button type="button" aria-label={label}
                                aria-current={(i == s.current && s.stage == Stage::Answering).then_some("step")}
                                class={classes!(answered.then_some("answered"), flagged.then_some("flagged"), (i == s.current).then_some("current"))}
                                onclick={act(ExamAction::Goto(i))}>{ i + 1 }</button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    };
    if s.stage == Stage::Reviewing {
        let unanswered = s.unanswered(&picks);
        let flagged = s.flagged();
        let list = |positions: &[usize], empty: &str, class: &'static str| {
            if positions.is_empty() {
                html! { <p class="hint">{ empty.to_string() }</p> }
            } else {
                html! {
                    <ul class={classes!("review-jump", class)}>
                        { for positions.iter().map(|&i| html! {
                            <li><button type="button" class="link" onclick={act(ExamAction::Goto(i))}>{ format!("Question {}", i + 1) }</button></li>
                        }) }
                    </ul>
                }
            }
        };
        let submit = {
            let cb = props.on_action.clone();
            Callback::from(move |_: MouseEvent| {
                cb.emit(ExamAction::Submit {
                    at: crate::clock::now().now,
                })
            })
        };
        let ask = {
            let c = confirming.clone();
            Callback::from(move |_: MouseEvent| c.set(true))
        };
        let cancel = {
            let c = confirming.clone();
            Callback::from(move |_: MouseEvent| c.set(false))
        };
        return html! {
            <section class="exam exam-review">
                <div class="exam-bar"><h1>{ "Review your answers" }</h1>{ timer }</div>
                <h2>{ format!("Unanswered ({})", unanswered.len()) }</h2>
                { list(&unanswered, "Every question has an answer.", "unanswered") }
                <h2>{ format!("Flagged for review ({})", flagged.len()) }</h2>
                { list(&flagged, "No question is flagged.", "flagged") }
                { navigator }
                <div class="actions">
                    <button type="button" class="secondary" onclick={act(ExamAction::BackToQuestions)}>{ "Back to the questions" }</button>
                    <button type="button" class="primary" onclick={ask}>{ "Submit the exam" }</button>
                </div>
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-title">
                        <p id="confirm-title"><strong>{ "Submit the exam now?" }</strong>
                        { if unanswered.is_empty() { " You cannot change answers afterwards.".to_string() }
                          else { format!(" {} questions are unanswered and will count as wrong.", unanswered.len()) } }</p>
                        <button type="button" class="primary" onclick={submit}>{ "Yes, submit" }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ "Keep working" }</button>
                    </div>
                }
            </section>
        };
    }
    let Some(q) = s.current_id().and_then(|id| qs.get(id)) else {
        return html! { <p class="error" role="alert">{ "This exam's questions are no longer in the bank." }</p> };
    };
    let selection = s.answers.get(&q.id).cloned().unwrap_or_default();
    let on_select = {
        let cb = props.on_action.clone();
        let picks = q.kind.picks();
        Callback::from(move |choice: ChoiceId| cb.emit(ExamAction::SelectChoice { choice, picks }))
    };
    let flagged = s.flags.contains(&q.id);
    html! {
        <section class="exam exam-running">
            <div class="exam-bar">
                <h1>{ format!("{} · question {} of {}", s.format.label(), s.current + 1, s.items.len()) }</h1>
                { timer }
            </div>
            <QuestionCard question={Rc::new(q.clone())} {selection} {on_select} reportable={false}
                order={Some(s.order(&q.id, q.options.len()))} />
            <div class="actions">
                <button type="button" class="secondary" disabled={s.current == 0} onclick={act(ExamAction::Previous)}>{ "Previous" }</button>
                <button type="button" class="primary" onclick={act(ExamAction::Next)}>
                    { if s.current + 1 == s.items.len() { "Review answers" } else { "Next" } }
                </button>
                <button type="button" class={classes!("flag", flagged.then_some("on"))} aria-pressed={flagged.to_string()} onclick={act(ExamAction::ToggleFlag)}>
                    { if flagged { "⚑ Flagged for review" } else { "⚐ Flag for review" } }
                </button>
                <button type="button" class="link" onclick={act(ExamAction::Review)}>{ "Review screen" }</button>
            </div>
            { navigator }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExamReportProps {
    pub n: usize,
}

/// The report of attempt `n` (0 = first).
#[component]
pub fn ExamReport(props: &ExamReportProps) -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let progress = use_context::<ProgressContext>();
    let filter = use_state(|| "all");
    {
        // A stored copy of an exam already in the history is stale: drop it.
        let history = progress
            .as_ref()
            .map(|p| p.doc.exams.clone())
            .unwrap_or_default();
        use_effect_with(history.len(), move |_| {
            let _ = stored_unfinished(&history);
        });
    }
    let attempt = progress
        .as_ref()
        .and_then(|p| p.doc.exams.get(props.n).cloned());
    let index = ready_index(&content);
    let questions = use_questions(
        index.clone(),
        attempt
            .as_ref()
            .map(|a| a.items.clone())
            .unwrap_or_default(),
    );
    let (Some(a), Some(index)) = (attempt, index) else {
        return html! { <section class="exam"><h1>{ "Exam report" }</h1><p>{ "No such attempt." }</p></section> };
    };
    let bp = &index.blueprint;
    let r = &a.result;
    let history = progress
        .as_ref()
        .map(|p| Rc::new(p.doc.exams.clone()))
        .unwrap_or_default();
    let set_filter = |f: &'static str| {
        let filter = filter.clone();
        Callback::from(move |_: Event| filter.set(f))
    };
    let review = match &questions {
        Some(Ok(qs)) => {
            let rows: Vec<Html> = a
                .items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let q = qs.get(&item.id)?;
                    let sel = a.answers.get(&item.id).cloned().unwrap_or_default();
                    let g = grade(q, &sel);
                    let show = match *filter {
                        "wrong" => !g.correct,
                        "flagged" => a.flags.contains(&item.id),
                        "unscored" => !item.scored,
                        _ => true,
                    };
                    show.then(|| html! {
                        <li id={review_anchor(i + 1)} tabindex="-1" class={classes!((!item.scored).then_some("unscored"))}>
                            <p class="review-tags">
                                { format!("Question {}", i + 1) }
                                if !item.scored { <span class="tag">{ "Unscored" }</span> }
                                if a.flags.contains(&item.id) { <span class="tag">{ "Flagged" }</span> }
                                if sel.is_empty() { <span class="tag">{ "Not answered" }</span> }
                            </p>
                            <QuestionCard question={Rc::new(q.clone())} selection={sel} graded={Some(g)} on_select={Callback::noop()}
                                order={Some(a.order(&q.id, q.options.len()))} />
                        </li>
                    })
                })
                .collect();
            html! { <ol class="review-list">{ for rows }</ol> }
        }
        Some(Err(e)) => html! { <p class="error" role="alert">{ e.clone() }</p> },
        None => html! { <p class="loading" role="status">{ "Loading the questions…" }</p> },
    };
    let retake = {
        let a = a.clone();
        let bp = bp.clone();
        Callback::from(move |_: MouseEvent| {
            let timer = Timer::start(crate::clock::now().now, a.format.minutes(&bp), false);
            // The exact exam, options in the order shown the first time.
            let s = Session::new(a.format, a.seed, a.items.clone(), timer).with_shuffle(a.shuffled);
            let _ = save_exam(&BrowserStore, &s);
            if let Some(w) = crate::dom::window() {
                let _ = w.location().set_hash("#/exam");
            }
        })
    };
    html! {
        <section class="exam exam-report">
            <h1>{ format!("{} report", a.format.label()) }</h1>
            <div class={classes!("score-card", if r.passed { "pass" } else { "fail" })}>
                <p class="scaled"><strong>{ r.scaled }</strong>{ format!(" / {}", bp.max_score) }</p>
                <p class="verdict-line"><strong>{ if r.passed { "PASS" } else { "FAIL" } }</strong>
                    { format!(" — {} of {} scored questions correct; {} needed to pass", r.correct, r.scored, bp.passing_score) }</p>
                if a.auto_submitted { <p class="hint">{ "Submitted automatically when the time ran out." }</p> }
                <p class="hint">{ format!(
                    "This scaled score is an estimate. AWS does not publish its scaling; Canary assumes the passing mark is {:.0} % of the scored questions and maps linearly: none correct is {}, the passing mark is {}, all correct is {}. Unscored questions do not count.",
                    PASS_FRACTION * 100.0, bp.min_score, bp.passing_score, bp.max_score) }</p>
                <p class="hint">{ format!("Seed {} — retake this exact exam with the button below.", a.seed) }</p>
            </div>
            <h2>{ "By domain" }</h2>
            <table class="domain-results">
                <thead><tr><th scope="col">{ "Domain" }</th><th scope="col">{ "Correct" }</th><th scope="col">{ "Result" }</th></tr></thead>
                <tbody>
                    { for bp.domains.iter().filter_map(|d| r.by_domain.get(&d.number).map(|t| (d, *t))).map(|(d, t)| html! {
                        <>
                            <tr class="domain-row" data-domain={d.number.to_string()}>
                                <th scope="row">{ format!("{}. {}", d.number, d.name) }</th>
                                <td>{ format!("{} / {}", t.correct, t.total) }</td>
                                <td class={if t.meets() { "meets" } else { "needs" }}>{ if t.meets() { "Meets competencies" } else { "Needs improvement" } }</td>
                            </tr>
                            { for d.tasks.iter().filter_map(|task| r.by_task.get(&task.id).map(|tt| (task, *tt))).map(|(task, tt)| html! {
                                <tr class="task-row">
                                    <td>{ format!("{} {}", task.id, task.name) }</td>
                                    <td>{ format!("{} / {}", tt.correct, tt.total) }</td>
                                    <td>{ if tt.meets() { "" } else { "Study this" } }</td>
                                </tr>
                            }) }
                        </>
                    }) }
                </tbody>
            </table>
            <PacingReport attempt={Rc::new(a.clone())} index={index.clone()} />
            <div class="actions">
                <button type="button" class="secondary" onclick={retake}>{ "Retake this exact exam" }</button>
                <Link<Route> to={Route::Exam} classes="button">{ "New exam" }</Link<Route>>
            </div>
            <History {history} index={index.clone()} />
            <h2>{ "Review" }</h2>
            <fieldset class="choice review-filter">
                <legend>{ "Show" }</legend>
                { for [("all", "All questions"), ("wrong", "Wrong"), ("flagged", "Flagged"), ("unscored", "Unscored")].iter().map(|(key, label)| html! {
                    <label><input type="radio" name="review-filter" checked={*filter == *key} onchange={set_filter(key)} />{ *label }</label>
                }) }
            </fieldset>
            { review }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub history: Rc<Vec<Attempt>>,
    pub index: Rc<ContentIndex>,
}

/// Attempts over time: a chart of scaled scores and each domain's trend.
#[component]
pub fn History(props: &HistoryProps) -> Html {
    let h = &props.history;
    if h.is_empty() {
        return Html::default();
    }
    let bp = &props.index.blueprint;
    let (w, ht, left) = (600.0, 200.0, 44.0);
    let n = h.len().max(2) as f64 - 1.0;
    let x = |i: usize| left + (w - left - 16.0) * i as f64 / n;
    let y = |s: u16| {
        10.0 + (ht - 30.0)
            * (1.0
                - f64::from(s.saturating_sub(bp.min_score))
                    / f64::from(bp.max_score - bp.min_score))
    };
    let points: Vec<String> = h
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{:.1},{:.1}", x(i), y(a.result.scaled)))
        .collect();
    let desc: Vec<String> = h
        .iter()
        .enumerate()
        .map(|(i, a)| format!("Attempt {}: {}", i + 1, a.result.scaled))
        .collect();
    html! {
        <section class="exam-history">
            <h2 id="history-title">{ "History" }</h2>
            <svg class="chart" viewBox={format!("0 0 {w} {ht}")} width="100%" role="img" aria-labelledby="history-title history-desc">
                <desc id="history-desc">{ desc.join("; ") }</desc>
                <line x1={format!("{left}")} x2={format!("{}", w - 16.0)} y1={format!("{:.1}", y(bp.passing_score))} y2={format!("{:.1}", y(bp.passing_score))} class="pass-line" />
                <text x={format!("{}", left - 6.0)} y={format!("{:.1}", y(bp.passing_score) + 4.0)} class="axis" text-anchor="end">{ bp.passing_score }</text>
                <polyline points={points.join(" ")} class="line" />
                { for h.iter().enumerate().map(|(i, a)| html! { <circle cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(a.result.scaled))} r="4" class="dot" /> }) }
            </svg>
            { domain_trend(h, bp) }
            <table class="history-table">
                <thead>
                    <tr><th scope="col">{ "Attempt" }</th><th scope="col">{ "Score" }</th>
                    { for bp.domains.iter().map(|d| html! { <th scope="col">{ format!("D{}", d.number) }</th> }) }</tr>
                </thead>
                <tbody>
                    { for h.iter().enumerate().map(|(i, a)| html! {
                        <tr>
                            <th scope="row"><Link<Route> to={Route::ExamAttempt { n: i }}>{ format!("{}. {}", i + 1, a.format.label()) }</Link<Route>></th>
                            <td>{ a.result.scaled }</td>
                            { for bp.domains.iter().map(|d| html! {
                                <td>{ a.result.by_domain.get(&d.number).map(|t| format!("{:.0} %", 100.0 * t.correct as f64 / t.total.max(1) as f64)).unwrap_or_else(|| "–".into()) }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// Each domain's share correct per attempt, as one line per domain.
fn domain_trend(h: &[Attempt], bp: &crate::domain::blueprint::Blueprint) -> Html {
    let (w, ht, left) = (600.0, 180.0, 44.0);
    let n = h.len().max(2) as f64 - 1.0;
    let x = |i: usize| left + (w - left - 90.0) * i as f64 / n;
    let y = |f: f64| 10.0 + (ht - 30.0) * (1.0 - f);
    let share = |a: &Attempt, d: u8| {
        a.result
            .by_domain
            .get(&d)
            .filter(|t| t.total > 0)
            .map(|t| t.correct as f64 / t.total as f64)
    };
    let desc: Vec<String> = bp
        .domains
        .iter()
        .map(|d| {
            let vals: Vec<String> = h
                .iter()
                .map(|a| share(a, d.number).map_or("–".into(), |f| format!("{:.0} %", f * 100.0)))
                .collect();
            format!("Domain {}: {}", d.number, vals.join(", "))
        })
        .collect();
    html! {
        <figure class="domain-trend">
            <svg class="chart" viewBox={format!("0 0 {w} {ht}")} width="100%" role="img" aria-labelledby="trend-title trend-desc">
                <title id="trend-title">{ "Share correct by domain, attempt by attempt" }</title>
                <desc id="trend-desc">{ desc.join("; ") }</desc>
                <line x1={format!("{left}")} x2={format!("{}", w - 90.0)} y1={format!("{:.1}", y(PASS_FRACTION))} y2={format!("{:.1}", y(PASS_FRACTION))} class="pass-line" />
                <text x={format!("{}", left - 6.0)} y={format!("{:.1}", y(PASS_FRACTION) + 4.0)} class="axis" text-anchor="end">{ format!("{:.0}%", PASS_FRACTION * 100.0) }</text>
                { for bp.domains.iter().enumerate().map(|(k, d)| {
                    let pts: Vec<String> = h.iter().enumerate()
                        .filter_map(|(i, a)| share(a, d.number).map(|f| format!("{:.1},{:.1}", x(i), y(f))))
                        .collect();
                    let last = h.iter().rev().find_map(|a| share(a, d.number)).unwrap_or(0.0);
                    html! {
                        <g class={format!("trend d{}", k + 1)}>
                            <polyline points={pts.join(" ")} class="trend-line" />
                            <text x={format!("{}", w - 84.0)} y={format!("{:.1}", y(last) + 4.0)} class="axis">{ format!("D{}", d.number) }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
