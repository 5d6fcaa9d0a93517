//! The scenario simulators' index. Each simulator gets its own route here
//! as it is built.

use yew::prelude::*;

#[component]
pub fn Widgets() -> Html {
    html! {
        <section class="widgets">
            <h1>{ "Scenario simulators" }</h1>
            <p>{ "Interactive diagrams where you change a scenario and see the consequence. Planned:" }</p>
            <ul class="planned">
                <li>{ "CodeDeploy deployment-configuration picker" }</li>
                <li>{ "Disaster-recovery strategy chooser" }</li>
                <li>{ "Elastic Beanstalk deployment policies, Auto Scaling lifecycle hooks, CodePipeline builder" }</li>
            </ul>
            <p class="notice" role="note">{ "None is available in this version yet." }</p>
        </section>
    }
}
