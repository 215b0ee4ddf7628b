//! The WebAssembly build's memory allocator: power-of-two size classes with a free list each.
//!
//! Why not the standard one: Rust's default wasm allocator (dlmalloc) is about 8 KB of code, a
//! sixth of the engine, and every byte is downloaded by every visitor. Small allocators from
//! crates.io were measured too: `lol_alloc`'s free-list allocator made building a 1,000-entry
//! index twelve times slower (its allocations walk the whole free list), and `wee_alloc` is
//! unmaintained and leaks.
//!
//! How it works: a request is rounded up to a power of two (at least 16 bytes), its *class*.
//! Freed blocks go on their class's free list and are reused first; otherwise a block is cut from
//! the end of memory, aligned to its own size (up to a 64 KiB page), growing memory when needed.
//! Every operation is O(1). Memory is never returned to the browser (WebAssembly cannot shrink
//! memory) but it is reused: the same questions asked again allocate the same classes, so a kiosk
//! answering all day stays at its high-water mark (the soak test checks it).
//!
//! WebAssembly in the browser runs this module on one thread, which makes the `Sync` claim and the
//! unsynchronised state sound.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 65536;
const MIN_CLASS: u32 = 4;
const CLASSES: usize = usize::BITS as usize;

struct State {
    /// Head of each class's free list (0: empty); a free block stores the next block's address.
    free: [usize; CLASSES],
    /// Where the next new block may start, and the end of the memory we own.
    next: usize,
    end: usize,
}

/// Size-class allocator for single-threaded WebAssembly.
pub struct SizeClassAlloc {
    state: UnsafeCell<State>,
}

// SAFETY: WebAssembly modules in the browser run on a single thread here (no shared memory).
unsafe impl Sync for SizeClassAlloc {}

impl SizeClassAlloc {
    /// An allocator that owns no memory yet.
    pub const fn new() -> Self {
        SizeClassAlloc {
            state: UnsafeCell::new(State {
                free: [0; CLASSES],
                next: 0,
                end: 0,
            }),
        }
    }
}

impl Default for SizeClassAlloc {
    fn default() -> Self {
        Self::new()
    }
}

/// The class of a request: log2 of the block size, which is a power of two covering both the size
/// and the alignment.
fn class_of(layout: Layout) -> u32 {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    usize::BITS - (size - 1).leading_zeros()
}

/// Grows memory by at least `bytes`; returns the new region's start and end, or None.
fn grow(bytes: usize) -> Option<(usize, usize)> {
    let pages = bytes.div_ceil(PAGE).max(1);
    let previous = core::arch::wasm32::memory_grow(0, pages);
    if previous == usize::MAX {
        return None;
    }
    let start = previous.checked_mul(PAGE)?;
    Some((start, start.checked_add(pages.checked_mul(PAGE)?)?))
}

unsafe impl GlobalAlloc for SizeClassAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let class = class_of(layout) as usize;
        if class >= CLASSES - 1 {
            return null_mut();
        }
        // SAFETY: single-threaded (see the module docs), and no reference to the state outlives
        // this call.
        let s = unsafe { &mut *self.state.get() };
        let head = s.free[class];
        if head != 0 {
            // SAFETY: `head` is a block of this class that we handed out and got back; its first
            // word holds the next free block.
            s.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let size = 1usize << class;
        let align = size.min(PAGE);
        loop {
            let start = (s.next + align - 1) & !(align - 1);
            if let Some(end) = start.checked_add(size) {
                if end <= s.end {
                    s.next = end;
                    return start as *mut u8;
                }
            }
            // Grow in large steps (a quarter of what we own, at least 1 MiB): each grow can make
            // the browser copy the whole memory.
            let Some((region, region_end)) = grow((size + align).max(s.end / 4).max(16 * PAGE))
            else {
                return null_mut();
            };
            if region != s.end {
                // Someone else grew memory in between: start afresh in the new region.
                s.next = region;
            }
            s.end = region_end;
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let class = class_of(layout) as usize;
        // SAFETY: single-threaded; `ptr` came from `alloc` with this layout, so its block has
        // room for one word, aligned to at least 16 bytes.
        let s = unsafe { &mut *self.state.get() };
        unsafe { *(ptr as *mut usize) = s.free[class] };
        s.free[class] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The block already has room up to its class size.
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return null_mut();
        };
        if class_of(new_layout) == class_of(layout) {
            return ptr;
        }
        // SAFETY: as for `alloc`/`dealloc`; the copy covers the smaller of the two sizes, which
        // both blocks hold.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
