package fr.passerelle.dossier.vault.web;

import fr.passerelle.dossier.vault.KeyRotation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of the vault's key-encryption keys, on the service's own port (ADMIN, not
 * routed by the gateway): which versions exist and how many data keys each wraps, a rotation, a
 * re-wrap of stragglers, the retirement of a version no data key needs any more.
 */
@RestController
@RequestMapping("/admin/vault/keys")
class VaultKeysController {

  private final KeyRotation rotation;

  VaultKeysController(KeyRotation rotation) {
    this.rotation = rotation;
  }

  @GetMapping
  KeyRotation.Status status() {
    return rotation.status();
  }

  /** A new key-encryption key becomes current; every data key is wrapped again under it. */
  @PostMapping("/rotation")
  KeyRotation.Status rotate() {
    return rotation.rotate();
  }

  /** Wraps again under the current version the data keys still under older ones. */
  @PostMapping("/rewrap")
  KeyRotation.Status rewrap() {
    return rotation.rewrap();
  }

  /** Destroys a version that wraps no data key any more. */
  @DeleteMapping("/versions/{version}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void retire(@PathVariable int version) {
    rotation.retire(version);
  }
}
