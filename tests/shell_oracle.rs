//! The differential oracle for the containers' shells: every case of
//! `tests/oracle/cases/` runs in podplay, in the image its shell names, and
//! must print what the real program printed (`tests/oracle/golden/`: stdout,
//! stderr, exit status), unless `tests/oracle/KNOWN_DIFFERENCES` lists it.
//! Where the real programs are installed (`scripts/oracles.sh`) at the
//! versions the goldens were recorded with (`tests/oracle/golden/VERSIONS`),
//! a second test runs them again and checks the goldens are still what they
//! print;
//! `ORACLE_RECORD=1` (`scripts/record-oracles.sh`) rewrites the goldens
//! instead. See tests/oracle/mod.rs.

mod oracle;

use oracle::corpus::{self, Shell};
use oracle::outcome::{read_busybox_136, read_goldens, write_goldens};
use oracle::{known, podplay, real};
use std::collections::BTreeMap;

/// How many cases the corpus has at least (issue 16's first slice).
const MIN_CASES: usize = 300;

#[test]
fn podplay_agrees_with_the_real_programs_except_the_known_differences() {
    let cases = corpus::load();
    assert!(cases.len() >= MIN_CASES, "only {} cases", cases.len());
    let mut goldens = read_goldens(&cases);
    goldens.extend(read_busybox_136());
    let listed = known::read();
    let mut disagreeing = BTreeMap::new();
    let mut failures = Vec::new();
    let mut tally: BTreeMap<Shell, (usize, usize)> = BTreeMap::new();
    for case in &cases {
        let id = case.id();
        let Some(golden) = goldens.get(&id) else {
            failures.push(format!("{id}: no golden (run scripts/record-oracles.sh)"));
            continue;
        };
        let block = podplay::run(case).block(case);
        let counts = tally.entry(case.shell).or_default();
        counts.1 += 1;
        if block == *golden {
            counts.0 += 1;
            if listed.contains_key(&id) {
                failures.push(format!("{id} now agrees: take it out of KNOWN_DIFFERENCES"));
            }
        } else {
            disagreeing.insert(id.clone(), known::draft_reason(golden, &block));
            if !listed.contains_key(&id) {
                failures.push(format!(
                    "{id} disagrees:\n--- real\n{golden}--- podplay\n{block}"
                ));
            }
        }
    }
    for id in listed.keys().chain(read_busybox_136().keys()) {
        if !cases.iter().any(|case| case.id() == *id) {
            failures.push(format!("{id} is listed but is no case"));
        }
    }
    let agreeing: usize = tally.values().map(|counts| counts.0).sum();
    println!(
        "oracle: {agreeing} of {} cases agree ({:.1} %)",
        cases.len(),
        100.0 * agreeing as f64 / cases.len() as f64
    );
    for (shell, (agree, all)) in &tally {
        println!("oracle: {}: {agree} of {all}", shell.name());
    }
    if std::env::var_os("ORACLE_UPDATE_KNOWN").is_some() {
        known::write(&disagreeing);
        return;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_real_programs_still_print_the_goldens() {
    if !real::available() {
        println!("oracle: the real programs are not installed (scripts/oracles.sh); not checked");
        return;
    }
    let versions_file = corpus::folder().join("golden/VERSIONS");
    let recorded = std::fs::read_to_string(&versions_file).unwrap_or_default();
    let installed = real::installed_versions().unwrap_or_default();
    let record = std::env::var_os("ORACLE_RECORD").is_some();
    if !record && installed != recorded {
        println!(
            "oracle: the goldens were recorded with other versions; not checked\n\
             recorded:\n{recorded}installed:\n{installed}"
        );
        return;
    }
    let cases = corpus::load();
    let workshop = real::Workshop::open();
    let outcomes: Vec<_> = cases
        .iter()
        .map(|case| (case.clone(), workshop.run(case)))
        .collect();
    if record {
        write_goldens(&outcomes);
        std::fs::write(versions_file, installed).expect("golden/VERSIONS written");
        return;
    }
    let goldens = read_goldens(&cases);
    let stale: Vec<String> = outcomes
        .iter()
        .map(|(case, outcome)| (case.id(), outcome.block(case)))
        .filter(|(id, block)| goldens.get(id) != Some(block))
        .map(|(id, block)| format!("{id}: now prints\n{block}"))
        .collect();
    assert!(
        stale.is_empty(),
        "the goldens are not what the real programs print (re-record deliberately with \
         scripts/record-oracles.sh):\n{}",
        stale.join("\n")
    );
}
