package fr.passerelle.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Two calls in flight, two in line waiting at most a second: who gets through, and when. */
class CapacityTest {

  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  private final Capacity capacity = new Capacity(2, 2, Duration.ofSeconds(1), clock);

  /** One caller: what it got, if anything yet. */
  private final class Caller {
    final List<Capacity.Permit> permits = new ArrayList<>();
    final List<Throwable> refusals = new ArrayList<>();
    final Disposable subscription = capacity.acquire().subscribe(permits::add, refusals::add);

    boolean through() {
      return permits.size() == 1;
    }

    boolean refused() {
      return refusals.size() == 1 && refusals.get(0) instanceof Capacity.Saturated;
    }

    boolean waiting() {
      return permits.isEmpty() && refusals.isEmpty();
    }

    void done() {
      permits.get(0).release().block();
    }
  }

  @Test
  void callsGoThroughUpToTheLimitThenWaitInLineThenAreRefused() {
    Caller first = new Caller();
    Caller second = new Caller();
    Caller third = new Caller();
    Caller fourth = new Caller();
    Caller fifth = new Caller();

    assertThat(first.through()).isTrue();
    assertThat(second.through()).isTrue();
    assertThat(third.waiting()).isTrue();
    assertThat(fourth.waiting()).isTrue();
    assertThat(fifth.refused()).isTrue();
    assertThat(capacity.inFlight()).isEqualTo(2);
    assertThat(capacity.queued()).isEqualTo(2);
  }

  @Test
  void anEndedCallLetsTheFirstInLineThrough() {
    Caller first = new Caller();
    new Caller();
    Caller third = new Caller();
    Caller fourth = new Caller();

    first.done();

    assertThat(third.through()).isTrue();
    assertThat(fourth.waiting()).isTrue();
    assertThat(capacity.inFlight()).isEqualTo(2);
    assertThat(capacity.queued()).isEqualTo(1);
  }

  @Test
  void aCallerThatWaitedTooLongIsRefusedAndLeavesTheLine() {
    Caller first = new Caller();
    new Caller();
    Caller third = new Caller();

    clock.advanceTimeBy(Duration.ofMillis(999));
    assertThat(third.waiting()).isTrue();
    clock.advanceTimeBy(Duration.ofMillis(1));

    assertThat(third.refused()).isTrue();
    assertThat(capacity.queued()).isZero();
    first.done();
    assertThat(capacity.inFlight()).isEqualTo(1);
  }

  @Test
  void aCallerThatLeavesTheLineTakesNoPlace() {
    Caller first = new Caller();
    new Caller();
    Caller gone = new Caller();
    Caller next = new Caller();

    gone.subscription.dispose();
    first.done();

    assertThat(gone.permits).isEmpty();
    assertThat(next.through()).isTrue();
    assertThat(capacity.queued()).isZero();
  }

  @Test
  void aCallEndsOnceHoweverOftenItIsReleased() {
    Caller first = new Caller();
    new Caller();

    first.done();
    first.done();

    assertThat(capacity.inFlight()).isEqualTo(1);
  }
}
