//! Times a practice answer: from the question being shown to Submit, read
//! with `performance.now()` (monotonic, unlike the wall clock), not counting
//! time while the tab is hidden. The rule is `domain::pacing::Stopwatch`;
//! this hook only feeds it the browser's clock and visibility.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use crate::domain::pacing::Stopwatch;

fn perf_now() -> Option<f64> {
    crate::dom::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
}

/// The running stopwatch and the time taken by the last submitted answer.
#[derive(Clone, Default)]
pub struct AnswerTimer {
    watch: Rc<RefCell<Option<Stopwatch>>>,
    took: Rc<RefCell<Option<u32>>>,
}

impl AnswerTimer {
    /// The answer was submitted: keep its time.
    pub fn stop(&self) {
        let at = perf_now();
        *self.took.borrow_mut() = self.watch.borrow().zip(at).map(|(w, at)| w.elapsed_ms(at));
    }

    /// The last submitted answer's time; `None` where it is not known
    /// (natively, or before the first question was shown).
    pub fn took(&self) -> Option<u32> {
        *self.took.borrow()
    }
}

/// Restarts the stopwatch whenever `showing` changes to a new question
/// (`None` while no question is being answered).
#[hook]
pub fn use_answer_timer<K: PartialEq + Clone + 'static>(showing: Option<K>) -> AnswerTimer {
    let timer = use_memo((), |()| AnswerTimer::default());
    {
        let timer = (*timer).clone();
        use_effect_with(showing, move |showing| {
            if showing.is_some() {
                *timer.watch.borrow_mut() = perf_now().map(Stopwatch::start);
                *timer.took.borrow_mut() = None;
            }
        });
    }
    {
        let timer = (*timer).clone();
        use_effect_with((), move |()| {
            let listener = crate::dom::window().and_then(|w| w.document()).map(|doc| {
                let d = doc.clone();
                EventListener::new(&doc, "visibilitychange", move |_| {
                    let (Some(at), mut watch) = (perf_now(), timer.watch.borrow_mut()) else {
                        return;
                    };
                    *watch = watch.map(|w| {
                        if d.hidden() {
                            w.pause(at)
                        } else {
                            w.resume(at)
                        }
                    });
                })
            });
            move || drop(listener)
        });
    }
    (*timer).clone()
}
