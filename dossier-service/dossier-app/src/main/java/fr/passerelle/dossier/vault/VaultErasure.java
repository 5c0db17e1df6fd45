package fr.passerelle.dossier.vault;

import fr.passerelle.dossier.intake.api.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys the person's data key in the transaction of the event that says so: no erasure is
 * recorded without the key gone, and no key goes without its record.
 */
@Component
@ProcessingGroup(VaultErasure.NAME)
class VaultErasure {

  static final String NAME = "vault-erasure";

  private final PersonVault vault;

  VaultErasure(PersonVault vault) {
    this.vault = vault;
  }

  @EventHandler
  void on(PersonalDataErased event) {
    vault.erase(event.personId());
  }
}
