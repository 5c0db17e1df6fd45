package fr.passerelle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.events.HistorySealed;
import java.util.Map;
import net.jqwik.api.Example;

/**
 * What the fuzzer counts to tell a refused request that wrote something: what the scheduler writes
 * at its hour, whatever the requests, is not counted; what a request writes is.
 */
class PlatformStateTest {

  @Example
  void theLedgersDailySealIsNotARefusedWrite() {
    assertThat(PlatformState.countsTable("audit_seal")).isFalse();
    assertThat(PlatformState.typeColumn("public.reporting_outbox")).isEqualTo("event_type");
    assertThat(PlatformState.countsType(HistorySealed.TYPE)).isFalse();
  }

  @Example
  void theSchedulersDailyPassesAreNotRefusedWrites() {
    assertThat(PlatformState.countsTable("retention_sweep_run")).isFalse();
    assertThat(PlatformState.typeColumn("public.rights_todo")).isEqualTo("kind");
    assertThat(PlatformState.countsType("PAYMENT_RUN_DUE")).isFalse();
  }

  @Example
  void whatARequestWritesIsCounted() {
    assertThat(PlatformState.countsTable("domain_event_entry")).isTrue();
    assertThat(PlatformState.typeColumn("public.domain_event_entry")).isEqualTo("payload_type");
    assertThat(PlatformState.countsType("fr.passerelle.dossier.api.DossierSubmitted")).isTrue();
    assertThat(PlatformState.countsType("AFIS_REQUEST_TO_DECIDE")).isTrue();
    assertThat(PlatformState.countsTable("dossier_summary")).isTrue();
    assertThat(PlatformState.typeColumn("public.dossier_summary")).isNull();
  }

  @Example
  void theDifferenceNamesEveryCountThatMoved() {
    Map<String, Long> before = Map.of("a", 1L, "b", 2L, "gone", 3L);
    Map<String, Long> after = Map.of("a", 1L, "b", 5L, "new", 1L);

    assertThat(PlatformState.difference(before, after))
        .containsExactly(
            Map.entry("b", "2 -> 5"), Map.entry("gone", "3 -> none"), Map.entry("new", "0 -> 1"));
  }
}
