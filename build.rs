//! Gives the engine module (`podplay-engine`, the simulation in the Web
//! Worker) an 8 MiB wasm stack, the stack the real shells have
//! (`ulimit -s 8192`), instead of rust-lld's default 1 MiB: the shell's
//! recursion (`${x:-${x:-…}}` nested `MAX_PARAMETER_NESTING` deep) runs
//! on it. The page module keeps the default; native builds are untouched.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=podplay-engine=-zstack-size=8388608");
    }
}
