/**
 * Customer traffic simulator for the reference platform's customer channel (protocol v1).
 *
 * <p>{@link dev.holdfast.platform.sim.CustomerSimulator} keeps a number of
 * {@link dev.holdfast.platform.sim.SimulatedCustomer}s chatting: each opens a conversation with
 * {@code POST /v1/customer/conversations}, holds {@code /v1/customer/ws}, and writes the lines of
 * a {@link dev.holdfast.platform.sim.CustomerScript} (English or Spanish, from the
 * {@link dev.holdfast.platform.sim.PhraseBook}) at the pace of
 * {@link dev.holdfast.platform.sim.Pacing}. Time comes only from a
 * {@link dev.holdfast.platform.sim.Scheduler} and the network only through a
 * {@link dev.holdfast.platform.sim.CustomerTransport}, so tests run on a manual clock.
 *
 * <p>Depends on {@code dev.holdfast.protocol}, the JDK and slf4j only.
 */
package dev.holdfast.platform.sim;
