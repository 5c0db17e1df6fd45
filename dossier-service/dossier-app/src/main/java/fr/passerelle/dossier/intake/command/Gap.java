package fr.passerelle.dossier.intake.command;

/** A field a dossier lacks, or has wrong, for it to be submitted. */
public record Gap(String field, String message) {

  static Gap missing(String field) {
    return new Gap(field, "obligatoire pour soumettre le dossier");
  }
}
