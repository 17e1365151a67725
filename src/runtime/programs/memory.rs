//! Memory figures the programs share: the node's memory and each program's
//! virtual and resident size, as `ps`, `top`, `free` and `df` (a tmpfs's
//! size) show them. A leaf.

/// The node's memory in kB; a tmpfs without a size may use half of it, a
/// memory-backed emptyDir without `sizeLimit` all of it (the kubelet sizes
/// it to the node's allocatable memory).
pub const NODE_MEMORY_KB: u64 = 8_152_096;

/// Virtual and resident memory (kB) of a program as procps shows them, by
/// the program's name; figures of centos:7's bash, coreutils and procps.
pub fn memory_kb(command: &str) -> (u64, u64) {
    let program = command.split(' ').next().unwrap_or("");
    match program.rsplit('/').next().unwrap_or(program) {
        "bash" | "sh" => (11_828, 2_996),
        "ps" => (51_748, 1_736),
        "top" => (162_012, 2_188),
        "tail" | "cat" | "sleep" => (4_364, 356),
        "nginx:" if command.contains("worker") => (33_104, 2_876),
        "nginx:" | "nginx" => (32_656, 5_152),
        "redis-server" => (52_812, 7_796),
        "java" => (3_461_444, 131_072),
        "/pause" | "pause" => (1_020, 4),
        _ => (4_496, 704),
    }
}
