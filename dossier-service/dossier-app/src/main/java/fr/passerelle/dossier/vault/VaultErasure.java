package fr.passerelle.dossier.vault;

import fr.passerelle.dossier.intake.api.DraftWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A withdrawn draft will never be studied: its person's file is erased at once. */
@Component
@ProcessingGroup(VaultErasure.NAME)
class VaultErasure {

  static final String NAME = "vault-erasure";

  private final PersonVault vault;

  VaultErasure(PersonVault vault) {
    this.vault = vault;
  }

  @EventHandler
  void on(DraftWithdrawn event) {
    vault.erase(event.personId());
  }
}
