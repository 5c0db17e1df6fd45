package fr.passerelle.benefits.beneficiary.command;

import fr.passerelle.benefits.events.PermitRefusalReason;
import java.util.List;
import java.util.stream.Collectors;

/** The permit's conditions as the préfecture reads them in a refusal's detail. */
final class Labels {

  private Labels() {}

  static String permitConditions(List<PermitRefusalReason> unmet) {
    return unmet.stream().map(Labels::of).collect(Collectors.joining(" ; "));
  }

  static String of(PermitRefusalReason reason) {
    return switch (reason) {
      case FREE_MOVEMENT_NATIONAL ->
          "ressortissant français, européen ou suisse : aucun titre n'est nécessaire";
      case NOT_A_VICTIM -> "ni victime de traite ni victime de proxénétisme";
      case PROSTITUTION_NOT_CEASED -> "n'a pas cessé l'activité de prostitution";
      case PATHWAY_NOT_AUTHORISED -> "aucun parcours autorisé en cours à cette date";
      case PUBLIC_ORDER -> "menace pour l'ordre public";
    };
  }
}
