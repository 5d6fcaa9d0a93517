//! Requirement mode: the learner's limits and a table of which predefined
//! configurations meet them, judged for the chosen deployment type.

use yew::prelude::*;

use super::{CdQuery, Selection};
use crate::domain::widgets::codedeploy::{
    violations, CodeDeployFacts, DeploymentType, PlatformId, Requirements,
};

pub(super) fn requirement_mode(
    facts: &CodeDeployFacts,
    q: &CdQuery,
    sel: &Selection,
    update: &impl Fn(fn(&mut CdQuery, String)) -> Callback<Event>,
) -> Html {
    let req = Requirements {
        max_exposure: q.exposure,
        max_minutes: q.within,
        zero_downtime: q.zero_downtime.unwrap_or(false),
        fleet: sel.fleet,
        minutes_per_batch: sel.batch_minutes,
        blue_green: sel.platform == PlatformId::Server && sel.kind == DeploymentType::BlueGreen,
    };
    let types = facts
        .platform(sel.platform)
        .map(|p| p.types.clone())
        .unwrap_or_default();
    let rows: Vec<(String, Vec<String>)> = facts
        .configs(sel.platform)
        .filter_map(|c| c.strategy().map(|s| (c.name.clone(), violations(s, &req))))
        .collect();
    let fitting = rows.iter().filter(|(_, v)| v.is_empty()).count();
    html! {
        <>
            <div class="widget-controls">
                <div class="field">
                    <label for="cd-req-exposure">{ "Largest share exposed before validation (%)" }</label>
                    <input id="cd-req-exposure" type="number" min="1" max="100" value={q.exposure.map(|v| v.to_string()).unwrap_or_default()}
                        placeholder="no limit" onchange={update(|q, v| q.exposure = v.parse().ok())} />
                </div>
                <div class="field">
                    <label for="cd-req-within">{ "Full rollout within (minutes)" }</label>
                    <input id="cd-req-within" type="number" min="0" max="10000" value={q.within.map(|v| v.to_string()).unwrap_or_default()}
                        placeholder="no limit" onchange={update(|q, v| q.within = v.parse().ok())} />
                </div>
                <label class="check">
                    <input type="checkbox" checked={req.zero_downtime} onchange={update(|q, v| q.zero_downtime = (v == "true").then_some(true))} />
                    { "No downtime" }
                </label>
                if types.len() > 1 {
                    <fieldset class="choice">
                        <legend>{ "Deployment type" }</legend>
                        { for types.iter().map(|t| html! {
                            <label><input type="radio" name="cd-req-type" value={t.key()} checked={*t == sel.kind}
                                onchange={update(|q, v| q.kind = Some(v))} />{ t.label() }</label>
                        }) }
                    </fieldset>
                }
                if sel.platform == PlatformId::Server {
                    <div class="field">
                        <label for="cd-req-fleet">{ "Instances" }</label>
                        <input id="cd-req-fleet" type="number" min="1" max="500" value={sel.fleet.to_string()} onchange={update(|q, v| q.fleet = v.parse().ok())} />
                    </div>
                    <div class="field">
                        <label for="cd-req-batch">{ "Minutes per batch" }</label>
                        <input id="cd-req-batch" type="number" min="1" max="600" value={sel.batch_minutes.to_string()} onchange={update(|q, v| q.batch_min = v.parse().ok())} />
                    </div>
                }
            </div>
            <section class="requirements" aria-labelledby="cd-req-title">
                <h2 id="cd-req-title" aria-live="polite">{ format!("{fitting} of {} predefined configurations fit", rows.len()) }</h2>
                <table class="fit-table">
                    <thead><tr><th scope="col">{ "Configuration" }</th><th scope="col">{ "Fits?" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|(name, v)| html! {
                            <tr class={if v.is_empty() { "fits" } else { "breaks" }} data-config={name.clone()}>
                                <th scope="row"><code>{ name.clone() }</code></th>
                                <td>{ if v.is_empty() { "Yes".to_string() } else { format!("No: {}", v.join("; ")) } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
        </>
    }
}
