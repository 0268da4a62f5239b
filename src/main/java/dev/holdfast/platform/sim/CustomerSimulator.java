package dev.holdfast.platform.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer traffic for a Holdfast platform: keeps {@code customers} simulated customers chatting
 * on its customer channel. They arrive staggered after {@link #start()}; whenever one leaves
 * (goodbye said, or conversation closed by an agent) another takes their place after a pause.
 * The same seed gives the same customers, lines and timings (network timing aside).
 */
public final class CustomerSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerSimulator.class);

    /**
     * Totals since start. {@code messagesSent} counts distinct messages put on a socket (resends
     * of the same clientMessageId are not counted again); {@code reconnects} counts reconnections
     * scheduled after a socket closed, failed, went silent or could not be opened.
     */
    public record Stats(long conversationsOpened, long messagesSent, long messagesAcked, long reconnects) {
    }

    private final CustomerEnvironment env;
    private final int customers;
    private final long seed;
    private final ExecutorScheduler ownedScheduler;
    private final SimulatedCustomer[] seats;
    private final Random[] seatRandoms;
    private final int[] arrivals;
    private final Cancellable[] arrivalTimers;
    private boolean started;
    private boolean closed;

    /** Against the platform at {@code baseUrl} (http or https), with its own HTTP client and thread. */
    public CustomerSimulator(URI baseUrl, int customers, long seed) {
        this(baseUrl, customers, seed, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                ExecutorScheduler.singleThreaded("customer-sim"), true);
    }

    /** As above, with the caller's HTTP client and scheduler (which {@link #close()} leaves running). */
    public CustomerSimulator(URI baseUrl, int customers, long seed, HttpClient http, Scheduler scheduler) {
        this(baseUrl, customers, seed, http, scheduler, false);
    }

    /** Over any transport, for tests: no network of its own. */
    public CustomerSimulator(CustomerTransport transport, int customers, long seed, Scheduler scheduler) {
        this(CustomerEnvironment.standard(transport, scheduler), customers, seed, null);
    }

    private CustomerSimulator(URI baseUrl, int customers, long seed, HttpClient http, Scheduler scheduler,
                              boolean ownsScheduler) {
        this(CustomerEnvironment.standard(new WebSocketCustomerTransport(baseUrl, http), scheduler), customers, seed,
                ownsScheduler ? (ExecutorScheduler) scheduler : null);
    }

    private CustomerSimulator(CustomerEnvironment env, int customers, long seed, ExecutorScheduler ownedScheduler) {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0, got " + customers);
        }
        this.env = env;
        this.customers = customers;
        this.seed = seed;
        this.ownedScheduler = ownedScheduler;
        this.seats = new SimulatedCustomer[customers];
        this.seatRandoms = new Random[customers];
        this.arrivals = new int[customers];
        this.arrivalTimers = new Cancellable[customers];
        Arrays.fill(arrivalTimers, Cancellable.NONE);
        Random seeds = new Random(seed);
        for (int i = 0; i < customers; i++) {
            seatRandoms[i] = new Random(seeds.nextLong());
        }
    }

    /** Lets the customers arrive, one every 0.1–1 s. Only once. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("simulator is closed");
        }
        if (started) {
            throw new IllegalStateException("simulator already started");
        }
        started = true;
        LOG.info("starting {} simulated customers (seed {})", customers, seed);
        Random stagger = new Random(seed ^ 0x5DEECE66DL);
        Duration offset = Duration.ZERO;
        for (int i = 0; i < customers; i++) {
            int seat = i;
            arrivalTimers[seat] = env.scheduler().schedule(offset, () -> arrive(seat));
            offset = offset.plus(env.pacing().stagger(stagger));
        }
    }

    /**
     * Stops every customer at once and closes their sockets (without waiting for the platform's
     * close answer); nothing of this simulator happens afterwards. An owned thread is shut down.
     */
    @Override
    public void close() {
        List<SimulatedCustomer> leaving = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Cancellable timer : arrivalTimers) {
                timer.cancel();
            }
            for (SimulatedCustomer customer : seats) {
                if (customer != null) {
                    leaving.add(customer);
                }
            }
        }
        leaving.forEach(SimulatedCustomer::stop);
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
        LOG.info("customer simulator stopped: {}", stats());
    }

    public Stats stats() {
        return env.counters().snapshot();
    }

    /** The customers present now (for tests and diagnostics). */
    synchronized List<SimulatedCustomer> customers() {
        List<SimulatedCustomer> present = new ArrayList<>();
        for (SimulatedCustomer customer : seats) {
            if (customer != null) {
                present.add(customer);
            }
        }
        return present;
    }

    private void arrive(int seat) {
        SimulatedCustomer customer;
        synchronized (this) {
            if (closed) {
                return;
            }
            String label = "customer-" + seat + "." + (arrivals[seat]++);
            customer = new SimulatedCustomer(label, seatRandoms[seat].nextLong(), env, left -> replace(seat, left));
            seats[seat] = customer;
        }
        customer.start();
    }

    private synchronized void replace(int seat, SimulatedCustomer left) {
        if (closed || seats[seat] != left) {
            return;
        }
        seats[seat] = null;
        Duration pause = env.pacing().replacement(seatRandoms[seat]);
        arrivalTimers[seat] = env.scheduler().schedule(pause, () -> arrive(seat));
    }
}
