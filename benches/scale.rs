//! Benchmark: many pods from one `podplay run` script (issue 15: "nothing
//! a learner types can freeze, crash or exhaust the page"). N `kubectl run`
//! lines, then a minute on the clock and `kubectl get pods`, at N = 1,000
//! and 10,000: the time and the peak heap should grow linearly (10x), not
//! faster. Run with `cargo bench --bench scale`; `PODPLAY_BENCH_RUNS=N`
//! runs each script N times untimed, for `scripts/bench-instructions.sh`.

use podplay::kubectl::Console;
use podplay::script::{parse_script, run_script};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout goes to the system allocator unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The script: `count` pods, a minute, then the last rows of the list.
fn script(count: usize) -> String {
    let mut text = String::new();
    for n in 0..count {
        text.push_str(&format!("kubectl run pod-{n} --image=nginx:1.27\n"));
    }
    text.push_str("sleep 60\nkubectl get pods | tail -3\n");
    text
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    for count in [1_000, 2_000, 4_000, 10_000] {
        let name = format!("{count} kubectl run, a minute, get pods");
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let steps = parse_script(&script(count)).expect("the script parses");
        let fixed: Option<u32> = std::env::var("PODPLAY_BENCH_RUNS")
            .ok()
            .and_then(|runs| runs.parse().ok());
        if let Some(runs) = fixed {
            for _ in 0..runs {
                black_box(run_script(&steps, &mut Console::new()));
            }
            println!("{name}");
            continue;
        }
        let base = IN_USE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let started = Instant::now();
        let mut console = Console::new();
        let transcript = run_script(&steps, &mut console);
        let elapsed = started.elapsed();
        let peak = PEAK.load(Ordering::Relaxed) - base;
        black_box((transcript, console));
        println!(
            "{name:<44} {:>9.1} ms {:>9.1} MB peak heap",
            elapsed.as_secs_f64() * 1e3,
            peak as f64 / 1e6
        );
    }
}
