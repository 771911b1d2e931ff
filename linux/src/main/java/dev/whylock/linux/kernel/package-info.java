/**
 * The kernel's own primitives written on the engine API: mutexes with lockdep classes, kref,
 * atomic words, kzalloc/kfree, workqueues, timers, threaded IRQs and WARN_ON/BUG_ON.
 *
 * <p>Naming: a kernel struct whose name collides with the class of its kernel file gets the suffix
 * {@code Struct} ({@code struct sfp_bus} is {@code SfpBusStruct}, beside {@code SfpBus} for
 * sfp-bus.c); other structs take their plain name ({@code struct net_device} is {@code NetDevice}).
 * Every lock site is the kernel function that takes the lock.
 */
package dev.whylock.linux.kernel;
