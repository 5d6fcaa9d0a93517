//! Every route of the app and the embeds, in one place that the shell, the
//! pages, the widgets and the feature modules all depend on (and that
//! depends on none of them), so features only ever import downward.
//!
//! Routing uses the URL fragment (`#/practice`), so one build works on any
//! static host, at the root or under a sub-path such as `/canary/`, and a
//! deep link survives a reload without server rewrites or a `404.html` trick.

use yew_router::prelude::*;

#[derive(Routable, Clone, PartialEq, Eq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/practice")]
    Practice,
    #[at("/practice/set")]
    PracticeSet,
    #[at("/practice/domain/:domain")]
    PracticeDomain { domain: u8 },
    #[at("/question/:id")]
    Question { id: String },
    #[at("/exam")]
    Exam,
    #[at("/exam/attempt/:n")]
    ExamAttempt { n: usize },
    #[at("/widgets")]
    Widgets,
    #[at("/widgets/codedeploy")]
    WidgetCodeDeploy,
    #[at("/widgets/dr")]
    WidgetDr,
    #[at("/widgets/asg")]
    WidgetAsg,
    #[at("/widgets/pipeline")]
    WidgetPipeline,
    #[at("/widgets/beanstalk")]
    WidgetBeanstalk,
    #[at("/embed/codedeploy")]
    EmbedCodeDeploy,
    #[at("/embed/dr")]
    EmbedDr,
    #[at("/embed/asg")]
    EmbedAsg,
    #[at("/embed/pipeline")]
    EmbedPipeline,
    #[at("/embed/beanstalk")]
    EmbedBeanstalk,
    #[at("/embed/question/:id")]
    EmbedQuestion { id: String },
    #[at("/embed/quiz")]
    EmbedQuiz,
    #[at("/cheatsheets")]
    CheatSheets,
    #[at("/cheatsheets/:topic")]
    CheatSheet { topic: String },
    #[at("/flashcards")]
    Flashcards,
    #[at("/search")]
    Search,
    #[at("/settings")]
    Settings,
    #[at("/about")]
    About,
    #[at("/changes")]
    Changes,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The pages in the main navigation, with their labels.
    pub const NAV: [(Route, &'static str); 7] = [
        (Route::Home, "Home"),
        (Route::Practice, "Practice"),
        (Route::Exam, "Exam"),
        (Route::Widgets, "Widgets"),
        (Route::Search, "Search"),
        (Route::Settings, "Settings"),
        (Route::About, "About"),
    ];
}

/// One scenario simulator: its id (the `#/widgets/<id>` and `#/embed/<id>`
/// path, the `data/widget-<id>.json` facts and the `sim-<id>` feature
/// module) and its names.
#[derive(Debug, PartialEq, Eq)]
pub struct Simulator {
    pub id: &'static str,
    /// The heading of its page in the app.
    pub title: &'static str,
    /// Its name inside an embed frame, for assistive technology.
    pub embed_title: &'static str,
}

impl Simulator {
    /// The feature module that holds it (`modules/sim-<id>-<hash>.js`).
    pub fn module(&self) -> String {
        format!("sim-{}", self.id)
    }
}

/// The five simulators, in the order of the simulators page.
pub const SIMULATORS: [Simulator; 5] = [
    Simulator {
        id: "codedeploy",
        title: "CodeDeploy deployment configurations",
        embed_title: "CodeDeploy deployment configurations",
    },
    Simulator {
        id: "dr",
        title: "Disaster-recovery strategy chooser",
        embed_title: "disaster-recovery strategy chooser",
    },
    Simulator {
        id: "asg",
        title: "Auto Scaling lifecycle hooks",
        embed_title: "Auto Scaling lifecycle hooks",
    },
    Simulator {
        id: "pipeline",
        title: "CodePipeline builder",
        embed_title: "CodePipeline builder",
    },
    Simulator {
        id: "beanstalk",
        title: "Elastic Beanstalk deployment policies",
        embed_title: "Elastic Beanstalk deployment policies",
    },
];

impl Route {
    /// The simulator this route shows, and whether it is the embed route
    /// (`#/embed/<id>`) rather than the app's page (`#/widgets/<id>`).
    pub fn simulator(&self) -> Option<(&'static Simulator, bool)> {
        let (id, embedded) = match self {
            Route::WidgetCodeDeploy => ("codedeploy", false),
            Route::WidgetDr => ("dr", false),
            Route::WidgetAsg => ("asg", false),
            Route::WidgetPipeline => ("pipeline", false),
            Route::WidgetBeanstalk => ("beanstalk", false),
            Route::EmbedCodeDeploy => ("codedeploy", true),
            Route::EmbedDr => ("dr", true),
            Route::EmbedAsg => ("asg", true),
            Route::EmbedPipeline => ("pipeline", true),
            Route::EmbedBeanstalk => ("beanstalk", true),
            _ => return None,
        };
        SIMULATORS
            .iter()
            .find(|s| s.id == id)
            .map(|s| (s, embedded))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_simulator_has_a_page_and_an_embed_route() {
        for sim in &SIMULATORS {
            let page = Route::recognize(&format!("/widgets/{}", sim.id)).unwrap();
            let embed = Route::recognize(&format!("/embed/{}", sim.id)).unwrap();
            assert_eq!(page.simulator(), Some((sim, false)), "{}", sim.id);
            assert_eq!(embed.simulator(), Some((sim, true)), "{}", sim.id);
        }
        assert_eq!(Route::Home.simulator(), None);
        assert_eq!(Route::EmbedQuestion { id: "x".into() }.simulator(), None);
    }
}
