//! The content report: questions per domain and per task statement against
//! the bank's targets (`content/targets.toml`), plus the checks that hold a
//! met target so a count can never silently drop.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::Bank;

/// Targets for one domain, from `content/targets.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainTarget {
    /// Questions wanted in the domain.
    pub total: usize,
    /// Questions wanted in each of its task statements.
    pub per_task: usize,
    /// Counts the bank has reached and must keep: a test fails below these.
    pub floor_total: usize,
    pub floor_per_task: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub domain: BTreeMap<String, DomainTarget>,
}

impl Targets {
    pub fn for_domain(&self, n: u8) -> Option<&DomainTarget> {
        self.domain.get(&n.to_string())
    }
}

/// Counts of the bank by domain and by task statement.
pub fn counts(bank: &Bank) -> (BTreeMap<u8, usize>, BTreeMap<String, usize>) {
    let mut by_domain = BTreeMap::new();
    let mut by_task = BTreeMap::new();
    for d in &bank.blueprint.domains {
        by_domain.insert(d.number, 0);
        for t in &d.tasks {
            by_task.insert(t.id.clone(), 0);
        }
    }
    for q in &bank.questions {
        *by_domain.entry(q.domain).or_default() += 1;
        *by_task.entry(q.task.clone()).or_default() += 1;
    }
    (by_domain, by_task)
}

/// Where the bank is below a held floor; empty when every floor holds.
pub fn floor_violations(bank: &Bank, targets: &Targets) -> Vec<String> {
    let (by_domain, by_task) = counts(bank);
    let mut out = Vec::new();
    for d in &bank.blueprint.domains {
        let Some(t) = targets.for_domain(d.number) else {
            out.push(format!("domain {} has no entry in targets.toml", d.number));
            continue;
        };
        if by_domain[&d.number] < t.floor_total {
            out.push(format!(
                "domain {} has {} questions, below its held floor of {}",
                d.number, by_domain[&d.number], t.floor_total
            ));
        }
        for task in &d.tasks {
            if by_task[&task.id] < t.floor_per_task {
                out.push(format!(
                    "task {} has {} questions, below its held floor of {}",
                    task.id, by_task[&task.id], t.floor_per_task
                ));
            }
        }
    }
    out
}

/// A plain-text table of counts against targets.
pub fn render(bank: &Bank, targets: &Targets) -> String {
    let (by_domain, by_task) = counts(bank);
    let multiple = bank.questions.iter().filter(|q| q.kind.picks() > 1).count();
    let reviewed = bank
        .questions
        .iter()
        .filter(|q| q.reviewed.is_some())
        .count();
    let mut s = format!(
        "Content report: {} questions ({} multiple response, {} reviewed)\n",
        bank.questions.len(),
        multiple,
        reviewed
    );
    s.push_str(&format!(
        "{:<10} {:>6} {:>7} {:>8}\n",
        "", "count", "target", "reviewed"
    ));
    for d in &bank.blueprint.domains {
        let t = targets.for_domain(d.number);
        let (total, per_task) = t.map_or((0, 0), |t| (t.total, t.per_task));
        let n = by_domain[&d.number];
        let reviewed = |pred: &dyn Fn(&canary::domain::question::Question) -> bool| {
            bank.questions
                .iter()
                .filter(|q| q.reviewed.is_some() && pred(q))
                .count()
        };
        s.push_str(&format!(
            "{:<10} {:>6} {:>7} {:>8}  {}{}\n",
            format!("domain {}", d.number),
            n,
            total,
            reviewed(&|q| q.domain == d.number),
            d.name,
            if n >= total { "  ✓" } else { "" }
        ));
        for task in &d.tasks {
            let n = by_task[&task.id];
            s.push_str(&format!(
                "{:<10} {:>6} {:>7} {:>8}  {}\n",
                format!("  {}", task.id),
                n,
                per_task,
                reviewed(&|q| q.task == task.id),
                if n >= per_task { "✓" } else { "" }
            ));
        }
    }
    s.push_str(&crate::bias::render(&crate::bias::distributions(
        &bank.bias_items,
    )));
    s
}
