/// mimalloc: the pipeline makes many small, short-lived allocations per document,
/// which it serves in far fewer instructions than the system allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(crosscheck::cli::main());
}
