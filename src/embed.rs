//! The embed build's app: the five simulators, each on its `#/embed/<id>`
//! route inside an [`EmbedFrame`], with the theme and background taken from
//! the URL and never stored. Anything else is sent to the full app one
//! directory up, with the same fragment, so old and new embed links agree.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::embed::{embed_start, EmbedFrame};
use crate::widgets::{
    asg::AsgWidget, beanstalk::BeanstalkWidget, codedeploy::CodeDeployWidget, dr::DrWidget,
    pipeline::PipelineWidget,
};

/// Applies the theme and background the fragment asks for (never stored),
/// then mounts [`EmbedApp`].
pub fn start() {
    let theme = embed_start().and_then(|e| e.theme).unwrap_or_default();
    crate::components::theme::apply(theme, false);
    yew::Renderer::<EmbedApp>::new().render();
}

#[component]
pub fn EmbedApp() -> Html {
    html! {
        <HashRouter>
            <Switch<Route> render={switch} />
        </HashRouter>
    }
}

fn switch(route: Route) -> Html {
    simulator(&route).unwrap_or_else(|| {
        to_full_app();
        Html::default()
    })
}

/// A simulator's embed route, framed; `None` for every other route. The app
/// answers these routes with the same markup, so old embed links agree.
pub fn simulator(route: &Route) -> Option<Html> {
    let (open, title, widget) = match route {
        Route::EmbedCodeDeploy => (
            "#/widgets/codedeploy",
            "CodeDeploy deployment configurations",
            html! { <CodeDeployWidget embedded=true /> },
        ),
        Route::EmbedDr => (
            "#/widgets/dr",
            "disaster-recovery strategy chooser",
            html! { <DrWidget embedded=true /> },
        ),
        Route::EmbedAsg => (
            "#/widgets/asg",
            "Auto Scaling lifecycle hooks",
            html! { <AsgWidget embedded=true /> },
        ),
        Route::EmbedPipeline => (
            "#/widgets/pipeline",
            "CodePipeline builder",
            html! { <PipelineWidget embedded=true /> },
        ),
        Route::EmbedBeanstalk => (
            "#/widgets/beanstalk",
            "Elastic Beanstalk deployment policies",
            html! { <BeanstalkWidget embedded=true /> },
        ),
        _ => return None,
    };
    Some(html! { <EmbedFrame {open} {title}>{ widget }</EmbedFrame> })
}

/// Hands a route this build does not serve to the full app, keeping the
/// fragment (a question or quiz embed, or a stray link).
fn to_full_app() {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("../{hash}"));
    }
}
