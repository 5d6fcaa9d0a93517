//! The Auto Scaling lifecycle simulator: add launch and terminate hooks,
//! step an instance through scale-out and scale-in, and see the state
//! machine, the clock, heartbeats and timeouts, and the EventBridge events
//! each step emits; plus which instance a scale-in removes under each
//! termination policy.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::practice_set::SetSpec;
use crate::domain::widgets::asg::{
    choose_for_termination, sample_fleet, simulate, Action, AsgFacts, Group, Hook, HookResult,
    PoolState, WarmPool, POLICIES, RETAINED, STATES,
};
use crate::routes::Route;
use crate::widgets::{event_value, sources, use_simulator, ViewProps, WidgetProps};

/// The widget's state in the URL query: the group (hooks, warm pool,
/// retention) and the actions taken so far.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AsgQuery {
    /// Launch hook heartbeat in seconds; `0` means no launch hook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_default: Option<HookResult>,
    /// Terminate hook heartbeat in seconds; `0` or absent means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminate: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminate_default: Option<HookResult>,
    /// Comma-separated actions (`out,hb,continue,in,timeout,wait60`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The warm pool's pool state (`stopped`, `running`, `hibernated`);
    /// absent means no warm pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warm: Option<String>,
    /// Whether scale-in returns instances to the warm pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reuse: Option<bool>,
    /// Whether an abandoned terminate hook retains the instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retain: Option<bool>,
    /// Comma-separated sample-fleet instances protected from scale in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protect: Option<String>,
}

impl AsgQuery {
    fn group(&self, f: &AsgFacts) -> Group {
        let clamp = |s: u32| s.clamp(f.hook.heartbeat_min_seconds, f.hook.heartbeat_max_seconds);
        // Without a value in the URL, the launch hook has the documented
        // default heartbeat timeout.
        let launch = self.launch.unwrap_or(f.hook.heartbeat_default_seconds);
        let terminate = self.terminate.unwrap_or(0);
        Group {
            launch: (launch > 0).then(|| Hook {
                heartbeat: clamp(launch),
                default_result: self.launch_default.unwrap_or(f.hook.default_result),
            }),
            terminate: (terminate > 0).then(|| Hook {
                heartbeat: clamp(terminate),
                default_result: self.terminate_default.unwrap_or(f.hook.default_result),
            }),
            warm_pool: self
                .warm
                .as_deref()
                .and_then(PoolState::parse)
                .map(|state| WarmPool {
                    state,
                    reuse_on_scale_in: self.reuse.unwrap_or(false),
                }),
            retain_on_abandon: self.retain.unwrap_or(false),
        }
    }

    fn actions(&self) -> Vec<Action> {
        self.actions
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(Action::parse)
            .collect()
    }
}

/// The lifecycle buttons in the order shown: one loop instead of a block of
/// markup per button keeps the view's code small.
const BUTTONS: [(Action, &str, &str); 9] = [
    (Action::FillPool, "Fill the warm pool", "primary"),
    (
        Action::TerminateRetained,
        "Terminate the retained instance",
        "primary",
    ),
    (Action::ScaleOut, "Scale out", "primary"),
    (
        Action::Complete(HookResult::Continue),
        "complete-lifecycle-action CONTINUE",
        "secondary",
    ),
    (
        Action::Complete(HookResult::Abandon),
        "complete-lifecycle-action ABANDON",
        "secondary",
    ),
    (Action::Heartbeat, "Record heartbeat", "secondary"),
    (Action::Wait(60), "Wait 60 s", "secondary"),
    (Action::Timeout, "Let it time out", "secondary"),
    (Action::ScaleIn, "Scale in", "primary"),
];

#[component]
pub fn AsgWidget(props: &WidgetProps) -> Html {
    let route = props.route(Route::EmbedAsg, Route::WidgetAsg);
    match use_simulator::<AsgFacts, AsgQuery>("asg", "Auto Scaling facts", route) {
        Ok(p) => html! { <AsgView ..p /> },
        Err(placeholder) => placeholder,
    }
}

/// The simulator for given facts and state: pure in its props.
#[component]
pub fn AsgView(props: &ViewProps<AsgFacts, AsgQuery>) -> Html {
    let f = &props.facts;
    let q = &props.query;
    let group = q.group(f);
    let actions = q.actions();
    let sim = simulate(f, &group, &actions);
    let available = sim.available(&group);
    let set = |g: fn(&mut AsgQuery, String)| {
        let q = q.clone();
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = q.clone();
            g(&mut next, event_value(&e));
            cb.emit(next);
        })
    };
    let act = |a: Action| {
        let q = q.clone();
        let cb = props.on_change.clone();
        let mut list = actions.clone();
        list.push(a);
        let keys = list.iter().map(|a| a.key()).collect::<Vec<_>>().join(",");
        Callback::from(move |_: MouseEvent| {
            let mut next = q.clone();
            next.actions = Some(keys.clone());
            cb.emit(next);
        })
    };
    let reset = {
        let q = q.clone();
        let cb = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = q.clone();
            next.actions = None;
            cb.emit(next);
        })
    };
    // Enabling a hook presets the documented default heartbeat timeout.
    let enable = |launch: bool| {
        let q = q.clone();
        let cb = props.on_change.clone();
        let preset = f.hook.heartbeat_default_seconds;
        Callback::from(move |e: Event| {
            let mut next = q.clone();
            let hb = Some(if event_value(&e) == "true" { preset } else { 0 });
            if launch {
                next.launch = hb;
            } else {
                next.terminate = hb;
            }
            next.actions = None;
            cb.emit(next);
        })
    };
    let can = |a: Action| {
        available
            .iter()
            .any(|x| std::mem::discriminant(x) == std::mem::discriminant(&a))
    };
    let hook_fields = |label: &'static str,
                       key: &'static str,
                       hook: Option<Hook>,
                       on_enable: Callback<Event>,
                       on_hb: Callback<Event>,
                       on_default: Callback<Event>| {
        let hb = hook.map_or(f.hook.heartbeat_default_seconds, |h| h.heartbeat);
        let result = hook.map_or(f.hook.default_result, |h| h.default_result);
        html! {
            <fieldset class="choice hook">
                <legend>{ label }</legend>
                <label class="check"><input type="checkbox" checked={hook.is_some()} onchange={on_enable} />{ "Enabled" }</label>
                if hook.is_some() {
                    <div class="field">
                        <label for={format!("asg-{key}-hb")}>{ format!("Heartbeat timeout (s, {}–{}; default {})", f.hook.heartbeat_min_seconds, f.hook.heartbeat_max_seconds, f.hook.heartbeat_default_seconds) }</label>
                        <input id={format!("asg-{key}-hb")} type="number" min={f.hook.heartbeat_min_seconds.to_string()}
                            max={f.hook.heartbeat_max_seconds.to_string()} value={hb.to_string()} onchange={on_hb} />
                    </div>
                    <div class="field">
                        <label for={format!("asg-{key}-default")}>{ "Default result" }</label>
                        <select id={format!("asg-{key}-default")} onchange={on_default}>
                            <option value="ABANDON" selected={result == HookResult::Abandon}>{ "ABANDON" }</option>
                            <option value="CONTINUE" selected={result == HookResult::Continue}>{ "CONTINUE" }</option>
                        </select>
                    </div>
                }
            </fieldset>
        }
    };
    let warm = group.warm_pool;
    let current = sim.state.unwrap_or("");
    let visited: Vec<&str> = sim.steps.iter().map(|s| s.state).collect();
    let policy = q.policy.clone().unwrap_or_else(|| "Default".into());
    let protected: Vec<&str> = q.protect.as_deref().unwrap_or("").split(',').collect();
    let mut fleet = sample_fleet();
    for i in &mut fleet {
        i.protected = protected.contains(&i.id);
    }
    let chosen = choose_for_termination(&policy, &fleet);
    // Toggles one instance's scale-in protection in the URL.
    let protect = |id: &'static str| {
        let q = q.clone();
        let cb = props.on_change.clone();
        let others: Vec<&'static str> = fleet
            .iter()
            .filter(|i| i.protected && i.id != id)
            .map(|i| i.id)
            .collect();
        Callback::from(move |e: Event| {
            let mut ids = others.clone();
            if event_value(&e) == "true" {
                ids.push(id);
            }
            let mut next = q.clone();
            next.protect = (!ids.is_empty()).then(|| ids.join(","));
            cb.emit(next);
        })
    };
    let practice = SetSpec {
        task: Some("3.2".into()),
        service: Some("EC2 Auto Scaling".into()),
        ..SetSpec::default()
    };
    let mut urls: Vec<&str> = vec![f.hook.source.as_str()];
    urls.extend(f.fact.iter().map(|x| x.source.as_str()));
    urls.extend(f.event.iter().map(|x| x.source.as_str()));
    urls.extend(f.policy.iter().map(|x| x.source.as_str()));
    urls.extend(f.protection.iter().map(|x| x.source.as_str()));
    urls.extend(f.warm_pool.iter().map(|x| x.source.as_str()));
    let deadline_text = match (sim.deadline, sim.global_deadline) {
        (Some(d), Some(g)) => format!(
            "t = {} s · times out at {d} s · cannot wait past {g} s",
            sim.now
        ),
        _ => format!("t = {} s", sim.now),
    };

    html! {
        <div class="widget asg" data-widget="asg">
            <div class="widget-controls">
                { hook_fields("Launch hook (autoscaling:EC2_INSTANCE_LAUNCHING)", "launch", group.launch,
                    enable(true),
                    set(|q, v| { q.launch = v.parse().ok(); q.actions = None; }),
                    set(|q, v| { q.launch_default = Some(if v == "CONTINUE" { HookResult::Continue } else { HookResult::Abandon }); q.actions = None; })) }
                { hook_fields("Terminate hook (autoscaling:EC2_INSTANCE_TERMINATING)", "terminate", group.terminate,
                    enable(false),
                    set(|q, v| { q.terminate = v.parse().ok(); q.actions = None; }),
                    set(|q, v| { q.terminate_default = Some(if v == "CONTINUE" { HookResult::Continue } else { HookResult::Abandon }); q.actions = None; })) }
                <fieldset class="choice retention">
                    <legend>{ "Instance lifecycle policy" }</legend>
                    <label class="check"><input type="checkbox" id="asg-retain" checked={group.retain_on_abandon}
                        onchange={set(|q, v| { q.retain = (v == "true").then_some(true); q.actions = None; })} />
                        { "Retain the instance when a terminate hook is abandoned" }</label>
                </fieldset>
                <fieldset class="choice warm-pool">
                    <legend>{ "Warm pool" }</legend>
                    <label class="check"><input type="checkbox" id="asg-warm" checked={warm.is_some()}
                        onchange={set(|q, v| { q.warm = (v == "true").then(|| "stopped".into()); q.actions = None; })} />{ "Enabled" }</label>
                    if let Some(w) = warm {
                        <div class="field">
                            <label for="asg-pool-state">{ "Pool state" }</label>
                            <select id="asg-pool-state" onchange={set(|q, v| { q.warm = Some(v); q.actions = None; })}>
                                { for PoolState::ALL.iter().map(|p| html! {
                                    <option value={p.name().to_ascii_lowercase()} selected={w.state == *p}>{ p.name() }</option>
                                }) }
                            </select>
                        </div>
                        <label class="check"><input type="checkbox" id="asg-reuse" checked={w.reuse_on_scale_in}
                            onchange={set(|q, v| { q.reuse = Some(v == "true"); q.actions = None; })} />{ "Return instances to the pool on scale-in" }</label>
                    }
                </fieldset>
            </div>
            <div class="asg-actions actions" role="group" aria-label="Lifecycle actions">
                { for BUTTONS.iter().filter(|(a, ..)| match a {
                    Action::FillPool => warm.is_some(),
                    Action::TerminateRetained => group.retain_on_abandon,
                    _ => true,
                }).map(|&(a, label, class)| html! {
                    <button type="button" {class} disabled={!can(a)} onclick={act(a)}>{ label }</button>
                }) }
                <button type="button" class="link" onclick={reset}>{ "Reset" }</button>
            </div>
            <div class="widget-outputs">
                <section aria-labelledby="asg-state-title">
                    <h2 id="asg-state-title">{ "Instance lifecycle" }</h2>
                    <p class="asg-clock" aria-live="polite"><strong>{ if current.is_empty() { "No instance yet".to_string() } else { format!("State: {current}") } }</strong>{ format!(" · {deadline_text}") }</p>
                    { diagram(current, &visited, warm.map(|w| w.state), group.retain_on_abandon) }
                    <ol class="state-legend">
                        { for f.state.iter().filter(|s| (warm.is_some() || !s.id.starts_with("Warmed:")) && (group.retain_on_abandon || s.id != RETAINED)).map(|s| html! {
                            <li class={classes!((s.id == current).then_some("current"))} data-state={s.id.clone()}><code>{ s.id.clone() }</code>{ format!(" — {}", s.text) }</li>
                        }) }
                    </ol>
                </section>
                <section aria-labelledby="asg-log-title">
                    <h2 id="asg-log-title">{ "What happened, and the EventBridge events" }</h2>
                    if sim.steps.is_empty() {
                        <p class="hint">{ if warm.is_some() { "Fill the warm pool, or scale out to launch an instance." } else { "Scale out to launch an instance." } }</p>
                    } else {
                        <table class="asg-log">
                            <thead><tr><th scope="col">{ "t (s)" }</th><th scope="col">{ "State" }</th><th scope="col">{ "Why" }</th><th scope="col">{ "EventBridge detail-type (Origin → Destination)" }</th></tr></thead>
                            <tbody>
                                { for sim.steps.iter().map(|s| html! {
                                    <tr data-state={s.state}>
                                        <td>{ s.at }</td>
                                        <td><code>{ s.state }</code></td>
                                        <td>{ s.note.clone() }</td>
                                        <td>
                                            { s.event.and_then(|e| f.event(e)).map(|e| e.detail_type.clone()).unwrap_or_default() }
                                            if let Some((from, to)) = s.route {
                                                <span class="route">{ format!(" ({from} → {to})") }</span>
                                            }
                                        </td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    }
                    <ul class="rules">{ for f.fact.iter().map(|x| html! { <li>{ x.text.clone() }</li> }) }</ul>
                    if warm.is_some() {
                        <h3>{ "With a warm pool" }</h3>
                        <ul class="rules warm-rules">{ for f.warm_pool.iter().map(|x| html! { <li>{ x.text.clone() }</li> }) }</ul>
                    }
                </section>
                <section aria-labelledby="asg-targets-title">
                    <h2 id="asg-targets-title">{ "What a hook's target typically does" }</h2>
                    <dl>{ for f.target.iter().map(|t| html! { <><dt>{ if t.transition == "launch" { "Launch hook" } else { "Terminate hook" } }</dt><dd>{ t.text.clone() }</dd></> }) }</dl>
                </section>
                <section aria-labelledby="asg-term-title">
                    <h2 id="asg-term-title">{ "Which instance does a scale-in remove?" }</h2>
                    <div class="field">
                        <label for="asg-policy">{ "Termination policy" }</label>
                        <select id="asg-policy" onchange={set(|q, v| q.policy = Some(v))}>
                            { for POLICIES.iter().map(|p| html! { <option value={*p} selected={policy == *p}>{ *p }</option> }) }
                        </select>
                    </div>
                    <p class="policy-text">{ f.policy.iter().find(|p| p.id == policy).map(|p| p.text.clone()).unwrap_or_default() }</p>
                    <table class="fleet">
                        <thead><tr><th scope="col">{ "Instance" }</th><th scope="col">{ "AZ" }</th><th scope="col">{ "Template version" }</th><th scope="col">{ "Running (h)" }</th><th scope="col">{ "To billing hour (min)" }</th><th scope="col">{ "Scale-in protected" }</th></tr></thead>
                        <tbody>
                            { for fleet.iter().map(|i| {
                                let picked = chosen.as_ref().is_some_and(|(id, _)| *id == i.id);
                                html! {
                                    <tr class={classes!(picked.then_some("chosen"))} data-instance={i.id}>
                                        <th scope="row">{ i.id }{ if picked { " ← terminated" } else { "" } }</th>
                                        <td>{ i.az }</td><td>{ i.template_version }</td><td>{ i.hours_running }</td><td>{ i.minutes_to_billing_hour }</td>
                                        <td><input type="checkbox" id={format!("asg-protect-{}", i.id)} aria-label={format!("Protect {} from scale in", i.id)}
                                            checked={i.protected} onchange={protect(i.id)} /></td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                    <ol class="policy-why">{ for chosen.iter().flat_map(|(_, why)| why.iter()).map(|w| html! { <li>{ w.clone() }</li> }) }</ol>
                    if chosen.is_none() && fleet.iter().all(|i| i.protected) {
                        <p class="policy-none" role="status">{ "Every instance is protected from scale in: the desired capacity drops, but no instance is terminated." }</p>
                    }
                    <ul class="rules">{ for f.protection.iter().map(|x| html! { <li>{ x.text.clone() }</li> }) }</ul>
                    <p class="hint">{ "The current launch template version is 3." }</p>
                </section>
            </div>
            <p class="practice-this">
                <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(practice)} classes="button secondary">
                    { "Practice this: Auto Scaling questions (task 3.2)" }
                </Link<Route, SetSpec>>
            </p>
            { sources(&urls) }
        </div>
    }
}

/// The lifecycle states in rows (launch, terminate, the retained state when
/// a retention policy is on, and with a warm pool the pool's own launch and
/// termination) with the current one
/// highlighted and the visited ones marked.
fn diagram(current: &str, visited: &[&str], pool: Option<PoolState>, retain: bool) -> Html {
    let mut rows: Vec<Vec<&str>> = STATES.chunks(4).map(<[&str]>::to_vec).collect();
    if retain {
        rows.push(vec![RETAINED]);
    }
    if let Some(p) = pool {
        rows.push(vec![
            "Warmed:Pending",
            "Warmed:Pending:Wait",
            "Warmed:Pending:Proceed",
            p.warmed(),
        ]);
        rows.push(vec!["Warmed:Terminating", "Warmed:Terminated"]);
    }
    let w = 640.0;
    let h = 10.0 + rows.len() as f64 * 70.0;
    let box_w = 140.0;
    html! {
        <svg class="chart asg-diagram" viewBox={format!("0 0 {w} {h}")} width="100%" role="img" aria-labelledby="asg-diagram-desc">
            <desc id="asg-diagram-desc">{ if current.is_empty() { "No instance yet.".to_string() } else { format!("The instance is in {current}.") } }</desc>
            { for rows.iter().enumerate().flat_map(|(row, states)| {
                let last = states.len() - 1;
                states.iter().enumerate().map(move |(col, s)| {
                    let x = 8.0 + col as f64 * (box_w + 18.0);
                    let y = 14.0 + row as f64 * 70.0;
                    let class = classes!("state", (*s == current).then_some("current"), visited.contains(s).then_some("visited"));
                    let label = s.strip_prefix("Warmed:").map_or_else(|| (*s).to_string(), |rest| format!("W:{rest}"));
                    html! {
                        <g {class} data-state={*s}>
                            <title>{ *s }</title>
                            <rect x={format!("{x}")} y={format!("{y}")} width={format!("{box_w}")} height="40" rx="8" />
                            <text x={format!("{}", x + box_w / 2.0)} y={format!("{}", y + 25.0)} text-anchor="middle">{ label }</text>
                            if col < last {
                                <line x1={format!("{}", x + box_w)} x2={format!("{}", x + box_w + 16.0)} y1={format!("{}", y + 20.0)} y2={format!("{}", y + 20.0)} class="arrow" />
                            }
                        </g>
                    }
                })
            }) }
        </svg>
    }
}
