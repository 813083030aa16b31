/**
 * The generic waiter engine behind generated waiters (see the spec's {@code x-tc-waiters}): a
 * generated {@code ...Waiters} class describes each waiter with a
 * {@link io.github.tcvod.spi.waiter.WaiterDefinition} and polls through a
 * {@link io.github.tcvod.spi.waiter.WaiterEngine}, whose {@link io.github.tcvod.spi.waiter.WaiterTime}
 * tests replace. Part of the service-provider interface: applications use the generated waiters
 * and {@link io.github.tcvod.waiter.WaiterOptions}.
 */
package io.github.tcvod.spi.waiter;
