//! Termination policies on a sample fleet: which instance a scale-in
//! removes under each policy, zone balance first.

/// One instance of the sample fleet for the termination-policy picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub id: &'static str,
    pub az: &'static str,
    pub template_version: u32,
    pub hours_running: u32,
    pub minutes_to_billing_hour: u32,
    /// Instance scale-in protection: a scale-in never chooses it.
    pub protected: bool,
}

/// A small fleet across three Availability Zones, two launch template
/// versions and different ages: enough to make every policy choose
/// differently.
pub fn sample_fleet() -> Vec<Instance> {
    let i = |id, az, template_version, hours_running, minutes_to_billing_hour| Instance {
        id,
        az,
        template_version,
        hours_running,
        minutes_to_billing_hour,
        protected: false,
    };
    vec![
        i("i-a1", "us-east-1a", 2, 5, 40),
        i("i-a2", "us-east-1a", 3, 1, 10),
        i("i-b1", "us-east-1b", 2, 30, 25),
        i("i-b2", "us-east-1b", 3, 2, 55),
        i("i-b3", "us-east-1b", 3, 12, 5),
        i("i-c1", "us-east-1c", 3, 8, 30),
    ]
}

/// Which instance a scale-in removes under `policy`, with each deciding step;
/// `None` for an unknown policy or when every instance is protected from
/// scale in. Zones are compared by all their instances, but only zones with
/// at least one unprotected instance qualify, and only unprotected
/// instances are candidates.
pub fn choose_for_termination(
    policy: &str,
    fleet: &[Instance],
) -> Option<(&'static str, Vec<String>)> {
    let mut azs: Vec<(&str, usize)> = Vec::new();
    for inst in fleet {
        match azs.iter_mut().find(|(az, _)| *az == inst.az) {
            Some((_, n)) => *n += 1,
            None => azs.push((inst.az, 1)),
        }
    }
    azs.retain(|(az, _)| fleet.iter().any(|i| i.az == *az && !i.protected));
    let most = azs.iter().map(|(_, n)| *n).max()?;
    let fullest: Vec<&str> = azs
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(az, _)| *az)
        .collect();
    let protected: Vec<&str> = fleet.iter().filter(|i| i.protected).map(|i| i.id).collect();
    let mut why = Vec::new();
    if !protected.is_empty() {
        why.push(format!(
            "protected from scale in, never chosen: {}",
            protected.join(", ")
        ));
    }
    why.push(if let [az] = fullest[..] {
        format!("{az} has the most instances ({most}), so the instance comes from there")
    } else {
        format!(
            "{} are balanced ({most} each), so the policy looks at all of them",
            fullest.join(", ")
        )
    });
    let mut pool: Vec<&Instance> = fleet
        .iter()
        .filter(|i| fullest.contains(&i.az) && !i.protected)
        .collect();
    let mut keep = |pool: &mut Vec<&Instance>, label: &str, key: &dyn Fn(&Instance) -> i64| {
        let best = pool.iter().map(|i| key(i)).min().unwrap_or(0);
        pool.retain(|i| key(i) == best);
        why.push(format!(
            "{label}: {}",
            pool.iter().map(|i| i.id).collect::<Vec<_>>().join(", ")
        ));
    };
    match policy {
        "Default" => {
            keep(&mut pool, "oldest launch template version", &|i| {
                i64::from(i.template_version)
            });
            keep(&mut pool, "closest to the next billing hour", &|i| {
                i64::from(i.minutes_to_billing_hour)
            });
        }
        "OldestInstance" => keep(&mut pool, "running longest", &|i| {
            -i64::from(i.hours_running)
        }),
        "NewestInstance" => keep(&mut pool, "launched most recently", &|i| {
            i64::from(i.hours_running)
        }),
        "OldestLaunchTemplate" => keep(&mut pool, "oldest launch template version", &|i| {
            i64::from(i.template_version)
        }),
        "ClosestToNextInstanceHour" => {
            keep(&mut pool, "closest to the next billing hour", &|i| {
                i64::from(i.minutes_to_billing_hour)
            });
        }
        _ => return None,
    }
    if pool.len() > 1 {
        why.push(if policy == "Default" {
            "still a tie: one of them at random".into()
        } else {
            "still a tie: Auto Scaling picks one of them".into()
        });
    }
    pool.first().map(|i| (i.id, why))
}
