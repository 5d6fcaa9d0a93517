//! The disaster-recovery strategy chooser: set RTO and RPO targets on
//! logarithmic sliders, cost sensitivity, the data stores and whether the
//! workload must keep serving through a regional outage; see the four AWS
//! strategies on an RTO/RPO chart with your target, the cheapest strategy
//! that meets both targets on separate RTO and RPO axes (and why cheaper
//! ones do not), what can change that answer (point-in-time recovery,
//! Elastic Disaster Recovery), its architecture, the services for each data
//! store, the failover steps, how traffic moves at failover by plane (data
//! or control) and relative cost.

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::practice_set::SetSpec;
use crate::domain::widgets::dr::{
    alternatives, human, recommend, CostSensitivity, DrFacts, Recommendation, Targets, STORE_IDS,
};
use crate::domain::widgets::scale;
use crate::routes::Route;
use crate::widgets::{event_value, sources, use_simulator, ViewProps, WidgetProps};

/// The widget's state in the URL query.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DrQuery {
    /// Targets in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rto: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpo: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<CostSensitivity>,
    /// Comma-separated store ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stores: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serve: Option<bool>,
}

impl DrQuery {
    fn targets(&self) -> Targets {
        Targets {
            rto_seconds: self.rto.unwrap_or(14_400),
            rpo_seconds: self.rpo.unwrap_or(3600),
            cost: self.cost.unwrap_or_default(),
            serve_during_outage: self.serve.unwrap_or(false),
        }
    }

    fn stores(&self) -> Vec<&str> {
        match &self.stores {
            None => STORE_IDS.to_vec(),
            Some(s) => s.split(',').filter(|x| STORE_IDS.contains(x)).collect(),
        }
    }
}

const COST: [&str; 5] = ["", "$", "$$", "$$$", "$$$$"];

#[component]
pub fn DrWidget(props: &WidgetProps) -> Html {
    let route = props.route(Route::EmbedDr, Route::WidgetDr);
    match use_simulator::<DrFacts, DrQuery>("dr", "disaster-recovery facts", route) {
        Ok(p) => html! { <DrView ..p /> },
        Err(placeholder) => placeholder,
    }
}

/// The chooser for given facts and state: pure in its props.
#[component]
pub fn DrView(props: &ViewProps<DrFacts, DrQuery>) -> Html {
    let facts = &props.facts;
    let query = props.query.clone();
    let targets = query.targets();
    let rec = recommend(facts, targets);
    let update = |f: fn(&mut DrQuery, String)| {
        let query = query.clone();
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = query.clone();
            f(&mut next, event_value(&e));
            cb.emit(next);
        })
    };
    let live = |f: fn(&mut DrQuery, String)| {
        let query = query.clone();
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = query.clone();
            f(&mut next, event_value(&e));
            cb.emit(next);
        })
    };
    let stores = query.stores();
    let store_toggle = |id: &'static str| {
        let query = query.clone();
        let cb = props.on_change.clone();
        Callback::from(move |_: Event| {
            let mut next = query.clone();
            let mut set: Vec<&str> = next.stores();
            if let Some(i) = set.iter().position(|s| *s == id) {
                set.remove(i);
            } else {
                set.push(id);
            }
            let ordered: Vec<&str> = STORE_IDS
                .iter()
                .copied()
                .filter(|s| set.contains(s))
                .collect();
            next.stores = Some(ordered.join(","));
            cb.emit(next);
        })
    };
    let chosen = rec.chosen.as_deref().and_then(|id| facts.strategy(id));
    let practice = SetSpec {
        task: Some("3.3".into()),
        ..SetSpec::default()
    };
    let mut urls: Vec<&str> = vec![facts.source.as_str()];
    urls.extend(facts.strategy.iter().map(|s| s.source.as_str()));
    urls.extend(facts.strategy.iter().map(|s| s.band_source.as_str()));
    urls.extend(facts.alternative.iter().map(|a| a.source.as_str()));
    urls.extend(facts.failover_route.iter().map(|r| r.source.as_str()));
    urls.extend(facts.store.iter().map(|s| s.source.as_str()));
    urls.extend(facts.service.iter().map(|s| s.source.as_str()));

    html! {
        <div class="widget dr" data-widget="dr">
            <div class="widget-controls">
                <div class="field slider">
                    <label for="dr-rto">{ "Recovery time objective (RTO): " }<output for="dr-rto" id="dr-rto-value">{ human(targets.rto_seconds) }</output></label>
                    <input id="dr-rto" type="range" min="0" max={scale::STEPS.to_string()} value={scale::position(targets.rto_seconds).to_string()}
                        aria-valuetext={human(targets.rto_seconds)}
                        oninput={live(|q, v| q.rto = v.parse().ok().map(scale::seconds))} />
                </div>
                <div class="field slider">
                    <label for="dr-rpo">{ "Recovery point objective (RPO): " }<output for="dr-rpo" id="dr-rpo-value">{ human(targets.rpo_seconds) }</output></label>
                    <input id="dr-rpo" type="range" min="0" max={scale::STEPS.to_string()} value={scale::position(targets.rpo_seconds).to_string()}
                        aria-valuetext={human(targets.rpo_seconds)}
                        oninput={live(|q, v| q.rpo = v.parse().ok().map(scale::seconds))} />
                </div>
                <fieldset class="choice">
                    <legend>{ "Cost sensitivity" }</legend>
                    { for [(CostSensitivity::Lowest, "Lowest cost", "lowest"), (CostSensitivity::Balanced, "Balanced", "balanced"), (CostSensitivity::Resilience, "Resilience first", "resilience")].iter().map(|(c, label, key)| html! {
                        <label>
                            <input type="radio" name="dr-cost" value={*key} checked={targets.cost == *c}
                                onchange={update(|q, v| q.cost = match v.as_str() { "lowest" => Some(CostSensitivity::Lowest), "resilience" => Some(CostSensitivity::Resilience), _ => None })} />
                            { *label }
                        </label>
                    }) }
                </fieldset>
                <fieldset class="choice">
                    <legend>{ "Data stores" }</legend>
                    { for facts.store.iter().map(|s| {
                        let id = STORE_IDS.iter().copied().find(|x| *x == s.id).unwrap_or("relational");
                        html! {
                            <label>
                                <input type="checkbox" checked={stores.contains(&id)} onchange={store_toggle(id)} />
                                { s.name.clone() }
                            </label>
                        }
                    }) }
                </fieldset>
                <label class="check">
                    <input type="checkbox" checked={targets.serve_during_outage}
                        onchange={update(|q, v| q.serve = (v == "true").then_some(true))} />
                    { "Must keep serving during a regional outage" }
                </label>
            </div>
            <div class="widget-outputs">
                { chart(facts, &targets, &rec) }
                { verdicts(facts, &rec) }
                { changes(facts, targets, &rec) }
                if let Some(s) = chosen {
                    { architecture(s) }
                    <section class="dr-services" aria-labelledby="dr-services-title">
                        <h2 id="dr-services-title">{ format!("Services for your data with {}", s.name.to_lowercase()) }</h2>
                        <dl>
                            { for facts.store.iter().filter(|st| stores.contains(&st.id.as_str())).map(|st| html! {
                                <>
                                    <dt>{ st.name.clone() }</dt>
                                    <dd><ul>{ for st.by_strategy.get(&s.id).iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul></dd>
                                </>
                            }) }
                        </dl>
                    </section>
                    <section class="dr-failover" aria-labelledby="dr-failover-title">
                        <h2 id="dr-failover-title">{ "Failover, in order" }</h2>
                        <ol>{ for s.failover.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ol>
                    </section>
                }
                if !facts.failover_route.is_empty() {
                    <section class="dr-planes" aria-labelledby="dr-planes-title">
                        <h2 id="dr-planes-title">{ "Moving traffic at failover: data plane or control plane" }</h2>
                        <table class="fit-table">
                            <thead><tr><th scope="col">{ "How" }</th><th scope="col">{ "Plane" }</th><th scope="col">{ "Why it matters" }</th></tr></thead>
                            <tbody>
                                { for facts.failover_route.iter().map(|r| html! {
                                    <tr data-plane={r.plane.clone()}>
                                        <th scope="row">{ r.name.clone() }</th>
                                        <td>{ if r.plane == "data" { "Data plane: use it to fail over" } else { "Control plane: avoid it during recovery" } }</td>
                                        <td>{ r.text.clone() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </section>
                }
                <section class="dr-facts" aria-labelledby="dr-facts-title">
                    <h2 id="dr-facts-title">{ "Service facts" }</h2>
                    <dl>{ for facts.service.iter().map(|f| html! { <><dt>{ f.name.clone() }</dt><dd>{ f.text.clone() }</dd></> }) }</dl>
                </section>
            </div>
            <p class="practice-this">
                <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(practice)} classes="button secondary">
                    { "Practice this: recovery questions (task 3.3)" }
                </Link<Route, SetSpec>>
            </p>
            { sources(&urls) }
        </div>
    }
}

fn chart(facts: &DrFacts, t: &Targets, rec: &Recommendation) -> Html {
    let (w, h, left, bottom) = (600.0, 320.0, 56.0, 36.0);
    let pw = w - left - 12.0;
    let ph = h - bottom - 12.0;
    let x = |s: u64| left + pw * scale::fraction(s);
    let y = |s: u64| 12.0 + ph * (1.0 - scale::fraction(s));
    let ticks: [(u64, &str); 6] = [
        (1, "1 s"),
        (60, "1 min"),
        (3600, "1 h"),
        (86_400, "1 d"),
        (604_800, "7 d"),
        (600, "10 min"),
    ];
    let desc: Vec<String> = facts
        .by_cost()
        .iter()
        .map(|s| {
            format!(
                "{}: RTO {} ({}–{}), RPO {} ({}–{})",
                s.name,
                s.rto_label,
                human(s.rto_min_seconds),
                human(s.rto_max_seconds),
                s.rpo_label,
                human(s.rpo_min_seconds),
                human(s.rpo_max_seconds)
            )
        })
        .collect();
    html! {
        <section class="dr-chart" aria-labelledby="dr-chart-title">
            <h2 id="dr-chart-title">{ "Strategies by RTO (across) and RPO (up)" }</h2>
            <svg class="chart" viewBox={format!("0 0 {w} {h}")} width="100%" role="img" aria-labelledby="dr-chart-title dr-chart-desc">
                <desc id="dr-chart-desc">{ format!("{}. Your target: RTO {}, RPO {}.", desc.join(". "), human(t.rto_seconds), human(t.rpo_seconds)) }</desc>
                { for ticks.iter().map(|(s, label)| html! {
                    <g>
                        <line x1={format!("{:.1}", x(*s))} x2={format!("{:.1}", x(*s))} y1="12" y2={format!("{:.1}", 12.0 + ph)} class="grid" />
                        <line x1={format!("{left}")} x2={format!("{:.1}", left + pw)} y1={format!("{:.1}", y(*s))} y2={format!("{:.1}", y(*s))} class="grid" />
                        <text x={format!("{:.1}", x(*s))} y={format!("{:.1}", h - 16.0)} class="axis" text-anchor="middle">{ *label }</text>
                        <text x={format!("{:.1}", left - 6.0)} y={format!("{:.1}", y(*s) + 4.0)} class="axis" text-anchor="end">{ *label }</text>
                    </g>
                }) }
                <text x={format!("{:.1}", left + pw / 2.0)} y={format!("{:.1}", h - 2.0)} class="axis" text-anchor="middle">{ "RTO" }</text>
                { for facts.by_cost().iter().map(|s| {
                    let (x0, x1) = (x(s.rto_min_seconds.max(1)), x(s.rto_max_seconds.max(1)));
                    let (y0, y1) = (y(s.rpo_max_seconds.max(1)), y(s.rpo_min_seconds.max(1)));
                    let chosen = rec.chosen.as_deref() == Some(s.id.as_str());
                    html! {
                        <g class={classes!("band", chosen.then_some("chosen"))} data-strategy={s.id.clone()}>
                            <rect x={format!("{x0:.1}")} y={format!("{y0:.1}")} width={format!("{:.1}", (x1 - x0).max(6.0))}
                                height={format!("{:.1}", (y1 - y0).max(6.0))} rx="4" />
                            <text x={format!("{:.1}", x0 + 4.0)} y={format!("{:.1}", y0 + 14.0)} class="band-label">{ s.name.clone() }</text>
                        </g>
                    }
                }) }
                <g class="target">
                    <circle cx={format!("{:.1}", x(t.rto_seconds))} cy={format!("{:.1}", y(t.rpo_seconds))} r="6" />
                    <text x={format!("{:.1}", x(t.rto_seconds) + 9.0)} y={format!("{:.1}", y(t.rpo_seconds) - 8.0)} class="target-label">{ "Your target" }</text>
                </g>
            </svg>
        </section>
    }
}

fn verdicts(facts: &DrFacts, rec: &Recommendation) -> Html {
    let chosen = rec.chosen.as_deref().and_then(|id| facts.strategy(id));
    html! {
        <section class="dr-recommendation" aria-labelledby="dr-rec-title">
            <h2 id="dr-rec-title">{ "Recommendation" }</h2>
            <p class="recommendation" aria-live="polite" data-strategy={rec.chosen.clone().unwrap_or_default()}>
                { match chosen {
                    Some(s) => html! { <><strong>{ s.name.clone() }</strong>{ format!(" ({}) — {}", COST[usize::from(s.cost_rank).min(4)], s.summary) }</> },
                    None => html! { <strong>{ "No strategy meets these targets: relax the RTO or RPO." }</strong> },
                } }
            </p>
            <table class="fit-table">
                <thead><tr><th scope="col">{ "Strategy" }</th><th scope="col">{ "Cost" }</th><th scope="col">{ "RTO / RPO" }</th><th scope="col">{ "Meets your targets?" }</th></tr></thead>
                <tbody>
                    { for rec.verdicts.iter().filter_map(|v| facts.strategy(&v.id).map(|s| (v, s))).map(|(v, s)| html! {
                        <tr class={if v.fits { "fits" } else { "breaks" }} data-strategy={s.id.clone()}>
                            <th scope="row">{ s.name.clone() }</th>
                            <td>{ COST[usize::from(s.cost_rank).min(4)] }</td>
                            <td>{ format!("{} / {}", s.rto_label, s.rpo_label) }</td>
                            <td>{ if v.fits { "Yes".to_string() } else { format!("No: {}", v.reasons.join("; ")) } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// The alternatives that can change the answer, each judged on the targets.
fn changes(facts: &DrFacts, t: Targets, rec: &Recommendation) -> Html {
    if facts.alternative.is_empty() {
        return html! {};
    }
    let verdicts = alternatives(facts, t, rec);
    html! {
        <section class="dr-facts dr-alternatives" aria-labelledby="dr-alt-title">
            <h2 id="dr-alt-title">{ "What can change the answer" }</h2>
            <dl>
                { for facts.alternative.iter().zip(&verdicts).map(|(a, v)| {
                    let cost = facts.strategy(&a.cost_like).map_or(String::new(), |s| s.name.to_lowercase());
                    let verdict = match (v.meets, v.cheaper) {
                        (true, true) => format!("Meets your targets at the cost of {cost}: cheaper than the recommendation."),
                        (true, false) => format!("Meets your targets (cost of {cost}), but is no cheaper than the recommendation."),
                        (false, _) => format!("Does not meet your targets (RTO up to {}, RPO about {}).", human(a.rto_max_seconds), human(a.rpo_max_seconds)),
                    };
                    html! {
                        <>
                            <dt>{ a.name.clone() }</dt>
                            <dd data-alternative={a.id.clone()} class={classes!((v.meets && v.cheaper).then_some("cheaper"))}>
                                <strong>{ verdict }</strong>{ " " }{ a.text.clone() }
                            </dd>
                        </>
                    }
                }) }
            </dl>
        </section>
    }
}

fn architecture(s: &crate::domain::widgets::dr::Strategy) -> Html {
    html! {
        <section class="dr-architecture" aria-labelledby="dr-arch-title">
            <h2 id="dr-arch-title">{ format!("Architecture: {}", s.name.to_lowercase()) }</h2>
            <div class="regions">
                <div class="region primary">
                    <h3>{ "Primary Region" }</h3>
                    <ul>{ for s.primary.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul>
                </div>
                <div class="region-arrow" aria-hidden="true">{ "→" }</div>
                <div class="region recovery">
                    <h3>{ "Recovery Region" }</h3>
                    <ul>{ for s.recovery.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul>
                </div>
            </div>
        </section>
    }
}
