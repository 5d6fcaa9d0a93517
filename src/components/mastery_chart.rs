//! Mastery per task statement as an SVG bar chart, grouped by domain, with a
//! table that says the same thing for screen readers. Fixed dimensions, so
//! the layout never shifts when data arrives.

use yew::prelude::*;

use crate::domain::blueprint::Blueprint;
use crate::domain::stats::Stats;

#[derive(Properties, PartialEq)]
pub struct MasteryChartProps {
    pub blueprint: Blueprint,
    pub stats: Stats,
}

const WIDTH: f64 = 640.0;
const LABEL: f64 = 56.0;
const ROW: f64 = 22.0;
const GAP: f64 = 14.0;

fn pct(x: f64) -> u32 {
    (x * 100.0).round() as u32
}

#[component]
pub fn MasteryChart(props: &MasteryChartProps) -> Html {
    let bar_width = WIDTH - LABEL - 48.0;
    let mut y = 0.0;
    let mut rows = Vec::new();
    for d in &props.blueprint.domains {
        let dm = props
            .stats
            .by_domain
            .get(&d.number)
            .copied()
            .unwrap_or_default();
        rows.push(html! {
            <text x="0" y={format!("{:.0}", y + 14.0)} class="chart-domain">
                { format!("Domain {} · {} %", d.number, pct(dm.mastery)) }
            </text>
        });
        y += ROW;
        for t in &d.tasks {
            let m = props.stats.by_task.get(&t.id).copied().unwrap_or_default();
            let w = (bar_width * m.mastery).max(0.0);
            rows.push(html! {
                <g class="chart-row" data-task={t.id.clone()}>
                    <title>{ format!("{} {}: {} % mastery, {} of {} seen", t.id, t.name, pct(m.mastery), m.seen, m.questions) }</title>
                    <text x="8" y={format!("{:.0}", y + 14.0)} class="chart-label">{ t.id.clone() }</text>
                    <rect x={format!("{LABEL}")} y={format!("{:.0}", y + 3.0)} width={format!("{bar_width:.0}")} height="14" rx="3" class="chart-track" />
                    <rect x={format!("{LABEL}")} y={format!("{:.0}", y + 3.0)} width={format!("{w:.1}")} height="14" rx="3" class="chart-bar" />
                    <text x={format!("{:.0}", LABEL + bar_width + 6.0)} y={format!("{:.0}", y + 14.0)} class="chart-value">
                        { format!("{} %", pct(m.mastery)) }
                    </text>
                </g>
            });
            y += ROW;
        }
        y += GAP;
    }
    let height = y - GAP;
    html! {
        <figure class="mastery-chart">
            <svg viewBox={format!("0 0 {WIDTH} {height:.0}")} width="100%" role="img"
                aria-labelledby="mastery-title mastery-desc" preserveAspectRatio="xMinYMin meet">
                <title id="mastery-title">{ "Mastery by task statement" }</title>
                <desc id="mastery-desc">{ "Bars show the estimated chance of recalling each task statement's questions today; the table below gives the numbers." }</desc>
                { for rows }
            </svg>
            <figcaption>
                <details>
                    <summary>{ "Mastery as a table" }</summary>
                    <table class="mastery-table">
                        <thead><tr><th scope="col">{ "Task statement" }</th><th scope="col">{ "Mastery" }</th><th scope="col">{ "Seen" }</th></tr></thead>
                        <tbody>
                            { for props.blueprint.domains.iter().flat_map(|d| d.tasks.iter()).map(|t| {
                                let m = props.stats.by_task.get(&t.id).copied().unwrap_or_default();
                                html! {
                                    <tr>
                                        <th scope="row">{ format!("{} {}", t.id, t.name) }</th>
                                        <td>{ format!("{} %", pct(m.mastery)) }</td>
                                        <td>{ format!("{} of {}", m.seen, m.questions) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </details>
            </figcaption>
        </figure>
    }
}
