//! The CodePipeline builder: pick stages and actions (the category limits
//! the provider), rearrange them by drag and drop or with the move buttons
//! (keyboard and touch), see every broken structure rule with its reason, and
//! complete ready-made exam scenarios; plus the pipeline's EventBridge events
//! and where its artifacts live.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::practice_set::SetSpec;
use crate::domain::widgets::pipeline::{
    decode, drop_onto, encode, move_action, move_stage, scenario_gaps, validate, Action,
    PipelineFacts, Place, Stage, SCENARIOS,
};
use crate::routes::Route;
use crate::widgets::{event_value, sources, use_simulator, ViewProps, WidgetProps};

/// The widget's state in the URL: the scenario and the pipeline so far.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PipelineQuery {
    /// A scenario id, or `free`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The pipeline, encoded by `domain::widgets::pipeline::encode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<String>,
}

impl PipelineQuery {
    fn scenario(&self) -> Option<&'static crate::domain::widgets::pipeline::Scenario> {
        match self.scenario.as_deref() {
            Some("free") => None,
            Some(id) => SCENARIOS.iter().find(|s| s.id == id),
            None => SCENARIOS.first(),
        }
    }

    fn stages(&self) -> Vec<Stage> {
        match (&self.p, self.scenario()) {
            (Some(p), _) => decode(p),
            (None, Some(s)) => decode(s.start),
            (None, None) => decode("Source~|Build~"),
        }
    }
}

#[component]
pub fn PipelineWidget(props: &WidgetProps) -> Html {
    let route = props.route(Route::EmbedPipeline, Route::WidgetPipeline);
    match use_simulator::<PipelineFacts, PipelineQuery>("pipeline", "CodePipeline facts", route) {
        Ok(p) => html! { <PipelineView ..p /> },
        Err(placeholder) => placeholder,
    }
}

type Edit = std::rc::Rc<dyn Fn(&mut Vec<Stage>, String)>;

#[component]
pub fn PipelineView(props: &ViewProps<PipelineFacts, PipelineQuery>) -> Html {
    let f = &props.facts;
    let q = &props.query;
    let stages = q.stages();
    let scenario = q.scenario();
    let problems = validate(f, &stages);
    let gaps = scenario.map(|s| scenario_gaps(f, s, &stages));

    let edit = |g: Edit| {
        let q = q.clone();
        let stages = stages.clone();
        let cb = props.on_change.clone();
        Callback::from(move |value: String| {
            let mut next = stages.clone();
            g(&mut next, value);
            let mut nq = q.clone();
            nq.p = Some(encode(&next));
            cb.emit(nq);
        })
    };
    let on_event = |g: Edit| {
        let cb = edit(g);
        Callback::from(move |e: Event| cb.emit(event_value(&e)))
    };
    let on_click = |g: Edit| {
        let cb = edit(g);
        Callback::from(move |_: MouseEvent| cb.emit(String::new()))
    };
    let choose_scenario = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            cb.emit(PipelineQuery {
                scenario: Some(event_value(&e)),
                p: None,
            })
        })
    };
    // What is being dragged: view state only, the URL changes on the drop.
    let dragging = use_state(|| None::<Place>);
    let drag_start = |what: Place| {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.stop_propagation();
            if let Some(dt) = e.data_transfer() {
                dt.set_effect_allowed("move");
                // Firefox starts a drag only when some data is set.
                let _ = dt.set_data("text/plain", "pipeline");
            }
            dragging.set(Some(what));
        })
    };
    let drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let drag_end = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(None))
    };
    // The drag's source is view state, so this render's handlers know it.
    let drop_on = |target: Place| {
        let from = *dragging;
        let cb = edit(std::rc::Rc::new(move |s: &mut Vec<Stage>, _| {
            if let Some(from) = from {
                drop_onto(s, from, target);
            }
        }));
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            cb.emit(String::new());
            dragging.set(None);
        })
    };
    let list = |v: &str| {
        v.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };

    let stage_cards = stages.iter().enumerate().map(|(si, stage)| {
        let actions = stage.actions.iter().enumerate().map(|(ai, a)| {
            let key = format!("pl-{si}-{ai}");
            let providers = f.providers(&a.category).to_vec();
            let bad = problems.iter().any(|p| p.stage == si && p.action == Some(ai));
            let last_stage = stages.len() - 1;
            let first = si == 0 && ai == 0;
            let last = si == last_stage && ai + 1 == stage.actions.len();
            html! {
                <li class={classes!("pl-action", bad.then_some("bad"))} data-action={a.name.clone()}
                    ondragover={drag_over.clone()} ondrop={drop_on(Place::Action(si, ai))}>
                    <span class="drag-handle" aria-hidden="true" draggable="true" title="Drag to move this action"
                        ondragstart={drag_start(Place::Action(si, ai))} ondragend={drag_end.clone()}>{ "⠿" }</span>
                    <div class="field"><label for={format!("{key}-name")}>{ "Action name" }</label>
                        <input id={format!("{key}-name")} value={a.name.clone()}
                            onchange={on_event(std::rc::Rc::new(move |s, v| s[si].actions[ai].name = v))} /></div>
                    <div class="field"><label for={format!("{key}-cat")}>{ "Category" }</label>
                        <select id={format!("{key}-cat")} onchange={on_event(std::rc::Rc::new(move |s, v| { s[si].actions[ai].category = v; s[si].actions[ai].provider.clear(); }))}>
                            { for f.categories.iter().map(|c| html! { <option value={c.clone()} selected={*c == a.category}>{ c.clone() }</option> }) }
                        </select></div>
                    <div class="field"><label for={format!("{key}-prov")}>{ "Provider" }</label>
                        <select id={format!("{key}-prov")} onchange={on_event(std::rc::Rc::new(move |s, v| s[si].actions[ai].provider = v))}>
                            <option value="" selected={a.provider.is_empty()}>{ "Choose…" }</option>
                            { for providers.iter().map(|p| html! { <option value={p.clone()} selected={*p == a.provider}>{ p.clone() }</option> }) }
                        </select></div>
                    <div class="field"><label for={format!("{key}-in")}>{ "Input artifacts" }</label>
                        <input id={format!("{key}-in")} value={a.inputs.join(", ")} placeholder="none"
                            onchange={on_event(std::rc::Rc::new(move |s, v| s[si].actions[ai].inputs = list(&v)))} /></div>
                    <div class="field"><label for={format!("{key}-out")}>{ "Output artifacts" }</label>
                        <input id={format!("{key}-out")} value={a.outputs.join(", ")} placeholder="none"
                            onchange={on_event(std::rc::Rc::new(move |s, v| s[si].actions[ai].outputs = list(&v)))} /></div>
                    <div class="field"><label for={format!("{key}-order")}>{ "Run order" }</label>
                        <input id={format!("{key}-order")} type="number" min="1" max="999" value={a.order().to_string()}
                            onchange={on_event(std::rc::Rc::new(move |s, v| s[si].actions[ai].run_order = v.parse().unwrap_or(1)))} /></div>
                    <div class="pl-move" role="group" aria-label={format!("Move action {}", a.name)}>
                        <button type="button" class="link" disabled={first} aria-label={format!("Move action {} up", a.name)}
                            onclick={on_click(std::rc::Rc::new(move |s, _| step_action(s, si, ai, false)))}>{ "↑" }</button>
                        <button type="button" class="link" disabled={last} aria-label={format!("Move action {} down", a.name)}
                            onclick={on_click(std::rc::Rc::new(move |s, _| step_action(s, si, ai, true)))}>{ "↓" }</button>
                        <button type="button" class="link" aria-label={format!("Remove action {}", a.name)}
                            onclick={on_click(std::rc::Rc::new(move |s, _| { s[si].actions.remove(ai); }))}>{ "Remove" }</button>
                    </div>
                </li>
            }
        });
        let n = stages.len();
        html! {
            <li class="pl-stage" data-stage={stage.name.clone()}
                ondragover={drag_over.clone()} ondrop={drop_on(Place::Stage(si))}>
                <div class="pl-stage-head">
                    <span class="drag-handle" aria-hidden="true" draggable="true" title="Drag to move this stage"
                        ondragstart={drag_start(Place::Stage(si))} ondragend={drag_end.clone()}>{ "⠿" }</span>
                    <div class="field"><label for={format!("pl-stage-{si}")}>{ format!("Stage {}", si + 1) }</label>
                        <input id={format!("pl-stage-{si}")} value={stage.name.clone()}
                            onchange={on_event(std::rc::Rc::new(move |s, v| s[si].name = v))} /></div>
                    <button type="button" class="link" disabled={si == 0} aria-label={format!("Move stage {} up", stage.name)}
                        onclick={on_click(std::rc::Rc::new(move |s, _| move_stage(s, si, si.saturating_sub(1))))}>{ "↑" }</button>
                    <button type="button" class="link" disabled={si + 1 == n} aria-label={format!("Move stage {} down", stage.name)}
                        onclick={on_click(std::rc::Rc::new(move |s, _| move_stage(s, si, si + 2)))}>{ "↓" }</button>
                </div>
                <ol class="pl-actions">{ for actions }</ol>
                <div class="actions">
                    <button type="button" class="secondary" onclick={on_click(std::rc::Rc::new(move |s, _| {
                        let n = s[si].actions.len() + 1;
                        let category = if si == 0 { "Source" } else { "Build" };
                        s[si].actions.push(Action { name: format!("Action{n}"), category: category.into(), ..Action::default() });
                    }))}>{ "Add action" }</button>
                    <button type="button" class="link" onclick={on_click(std::rc::Rc::new(move |s, _| { s.remove(si); }))}>{ "Remove stage" }</button>
                </div>
            </li>
        }
    });

    let practice = SetSpec {
        task: Some("1.1".into()),
        service: Some("CodePipeline".into()),
        ..SetSpec::default()
    };
    let mut urls: Vec<&str> = vec![f.categories_source.as_str()];
    urls.extend(f.provider.iter().map(|p| p.source.as_str()));
    urls.extend(f.rule.iter().chain(&f.fact).map(|r| r.source.as_str()));
    urls.extend(f.event.iter().map(|e| e.source.as_str()));
    urls.push(f.artifact_count_source.as_str());

    html! {
        <div class="widget pipeline" data-widget="pipeline">
            <div class="widget-controls">
                <div class="field">
                    <label for="pl-scenario">{ "Scenario" }</label>
                    <select id="pl-scenario" onchange={choose_scenario}>
                        { for SCENARIOS.iter().map(|s| html! { <option value={s.id} selected={scenario.is_some_and(|x| x.id == s.id)}>{ s.title }</option> }) }
                        <option value="free" selected={scenario.is_none()}>{ "Free build" }</option>
                    </select>
                </div>
                if let Some(s) = scenario { <p class="config-description scenario-goal">{ s.goal }</p> }
            </div>
            <ol class="pl-stages">{ for stage_cards }</ol>
            <div class="actions">
                <button type="button" class="secondary" onclick={on_click(std::rc::Rc::new(|s, _| {
                    let n = s.len() + 1;
                    s.push(Stage { name: format!("Stage{n}"), actions: Vec::new() });
                }))}>{ "Add stage" }</button>
            </div>
            <div class="widget-outputs">
                <section aria-labelledby="pl-check-title">
                    <h2 id="pl-check-title">{ "Check" }</h2>
                    <div role="status">
                        if problems.is_empty() {
                            <p class="pl-valid">{ "The pipeline's structure is valid." }</p>
                        } else {
                            <ul class="pl-problems">
                                { for problems.iter().map(|p| html! {
                                    <li data-rule={p.rule}>{ p.message.clone() }
                                        if let Some(r) = f.rule(p.rule) { <small>{ format!(" — {}", r.text) }</small> }
                                    </li>
                                }) }
                            </ul>
                        }
                    </div>
                    if let Some(gaps) = &gaps {
                        if gaps.is_empty() {
                            <p class="pl-scenario-done"><strong>{ "Scenario complete." }</strong></p>
                        } else {
                            <p><strong>{ "To finish the scenario:" }</strong></p>
                            <ul class="pl-gaps">{ for gaps.iter().map(|g| html! { <li>{ g.clone() }</li> }) }</ul>
                        }
                    }
                </section>
                <section aria-labelledby="pl-events-title">
                    <h2 id="pl-events-title">{ "EventBridge events from this pipeline" }</h2>
                    <dl>{ for f.event.iter().map(|e| html! { <><dt><code>{ e.detail_type.clone() }</code></dt><dd>{ format!("when {}", e.when) }</dd></> }) }</dl>
                    <h3>{ "Where the artifacts live" }</h3>
                    <ul>{ for f.fact.iter().map(|x| html! { <li>{ x.text.clone() }</li> }) }</ul>
                </section>
            </div>
            <p class="practice-this">
                <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(practice)} classes="button secondary">
                    { "Practice this: CodePipeline questions (task 1.1)" }
                </Link<Route, SetSpec>>
            </p>
            { sources(&urls) }
        </div>
    }
}

/// One step up or down through the pipeline's actions in order: past the
/// first or last action of a stage it crosses into the neighbouring stage.
fn step_action(s: &mut [Stage], si: usize, ai: usize, down: bool) {
    match (down, ai) {
        (false, 0) if si > 0 => {
            let end = s[si - 1].actions.len();
            move_action(s, (si, ai), (si - 1, end));
        }
        (false, _) => move_action(s, (si, ai), (si, ai - 1)),
        (true, _) if ai + 1 == s[si].actions.len() && si + 1 < s.len() => {
            move_action(s, (si, ai), (si + 1, 0));
        }
        (true, _) => move_action(s, (si, ai), (si, ai + 2)),
    }
}
