//! The scenario simulators: an index of the widgets, and the page frame
//! each one is shown in inside the app.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::embed::EmbedCode;
use crate::routes::Route;

#[component]
pub fn Widgets() -> Html {
    html! {
        <section class="widgets">
            <h1>{ "Scenario simulators" }</h1>
            <p>{ "Interactive diagrams: change the scenario and see the consequence, computed from the AWS definitions." }</p>
            <p>{ "Their facts are also " }<Link<Route> to={Route::CheatSheets}>{ "printable cheat sheets and flashcards" }</Link<Route>>{ "." }</p>
            <ul class="widget-grid">
                <li class="widget-card">
                    <h2>{ "CodeDeploy deployment configurations" }</h2>
                    <p>{ "Platforms, deployment types, every predefined configuration and custom ones: traffic over time, in-place batches, lifecycle hooks, AppSpec and rollback. Or state requirements and see which configurations fit." }</p>
                    <Link<Route> to={Route::WidgetCodeDeploy} classes="button">{ "Open the picker" }</Link<Route>>
                </li>
                <li class="widget-card">
                    <h2>{ "Disaster-recovery strategy chooser" }</h2>
                    <p>{ "Set RTO, RPO and cost sensitivity: see the cheapest of the four AWS strategies that meets them, why cheaper ones fail, the architecture, services per data store and the failover steps." }</p>
                    <Link<Route> to={Route::WidgetDr} classes="button">{ "Open the chooser" }</Link<Route>>
                </li>
                <li class="widget-card">
                    <h2>{ "Auto Scaling lifecycle hooks" }</h2>
                    <p>{ "Add launch and terminate hooks, a warm pool or a retention policy, and step an instance through scale-out and scale-in: heartbeats, timeouts, CONTINUE or ABANDON, the EventBridge events, and which instance each termination policy removes." }</p>
                    <Link<Route> to={Route::WidgetAsg} classes="button">{ "Open the simulator" }</Link<Route>>
                </li>
                <li class="widget-card">
                    <h2>{ "CodePipeline builder" }</h2>
                    <p>{ "Build stages and actions by picking and dragging (the category limits the provider), see which structure rule each mistake breaks, and complete exam scenarios: S3 to CloudFormation, ECR to ECS blue/green, cross-account deploy after approval." }</p>
                    <Link<Route> to={Route::WidgetPipeline} classes="button">{ "Open the builder" }</Link<Route>>
                </li>
                <li class="widget-card">
                    <h2>{ "Elastic Beanstalk deployment policies" }</h2>
                    <p>{ "All at once, rolling, rolling with additional batch, immutable, traffic splitting and blue/green: instances and capacity step by step, failed deployments, the comparison table and which policies fit a requirement." }</p>
                    <Link<Route> to={Route::WidgetBeanstalk} classes="button">{ "Open the explorer" }</Link<Route>>
                </li>
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct WidgetPageProps {
    pub title: AttrValue,
    /// The widget's id, for its embed snippets (`codedeploy`, `dr`).
    pub widget: AttrValue,
    pub children: Html,
}

#[component]
pub fn WidgetPage(props: &WidgetPageProps) -> Html {
    // The snippet embeds the widget exactly as configured now.
    let query = use_location()
        .map(|l| l.query_str().trim_start_matches('?').to_string())
        .unwrap_or_default();
    let path = if query.is_empty() {
        props.widget.to_string()
    } else {
        format!("{}?{query}", props.widget)
    };
    let attributes = if query.is_empty() {
        String::new()
    } else {
        format!("data-canary-state=\"{query}\"")
    };
    html! {
        <section class="widget-page">
            <p class="crumb"><Link<Route> to={Route::Widgets}>{ "← All simulators" }</Link<Route>></p>
            <h1>{ props.title.clone() }</h1>
            { props.children.clone() }
            <EmbedCode {path} placeholder={format!("widget/{}", props.widget)} {attributes} />
        </section>
    }
}
