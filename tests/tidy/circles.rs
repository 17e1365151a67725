//! Circles in a directed graph: its strongly connected components of more
//! than one node (Tarjan's algorithm), each as the nodes it holds.

use std::collections::{BTreeMap, BTreeSet};

/// The strongly connected groups of more than one node (Tarjan's algorithm).
pub fn circles(nodes: usize, edges: &BTreeSet<(usize, usize)>) -> Vec<Vec<usize>> {
    struct Walk<'a> {
        next: BTreeMap<usize, Vec<usize>>,
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on_stack: Vec<bool>,
        counter: usize,
        found: &'a mut Vec<Vec<usize>>,
    }
    fn visit(walk: &mut Walk, node: usize) {
        walk.index[node] = Some(walk.counter);
        walk.low[node] = walk.counter;
        walk.counter += 1;
        walk.stack.push(node);
        walk.on_stack[node] = true;
        for next in walk.next.get(&node).cloned().unwrap_or_default() {
            match walk.index[next] {
                None => {
                    visit(walk, next);
                    walk.low[node] = walk.low[node].min(walk.low[next]);
                }
                Some(index) if walk.on_stack[next] => walk.low[node] = walk.low[node].min(index),
                Some(_) => {}
            }
        }
        if Some(walk.low[node]) == walk.index[node] {
            let mut group = Vec::new();
            while let Some(top) = walk.stack.pop() {
                walk.on_stack[top] = false;
                group.push(top);
                if top == node {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort_unstable();
                walk.found.push(group);
            }
        }
    }
    let mut found = Vec::new();
    let mut walk = Walk {
        next: BTreeMap::new(),
        index: vec![None; nodes],
        low: vec![0; nodes],
        stack: Vec::new(),
        on_stack: vec![false; nodes],
        counter: 0,
        found: &mut found,
    };
    for &(from, to) in edges {
        walk.next.entry(from).or_default().push(to);
    }
    for node in 0..nodes {
        if walk.index[node].is_none() {
            visit(&mut walk, node);
        }
    }
    found
}
