package fr.passerelle.dossier.intake.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads the earlier {@code DossierSubmitted} as revision 4. Revision none (the walking skeleton's:
 * nationality, children and trafficking flag at the top level, no draft before it) first becomes
 * revision 2: those facts move into {@code content}, the person is unknown (the dossier id stands
 * in for them, as no personal file was ever kept) and so is the age band. Revision 2 has no
 * pseudonym of the person: it stays unknown, and the republished submission then names no person at
 * all. Before revision 4 the association entered no date: the day it was submitted stays unknown,
 * and consumers date it by the day it was recorded, as they did.
 */
@Component
public class DossierSubmittedUpcaster extends SingleEventUpcaster {

  private static final SimpleSerializedType REVISION_NONE =
      new SimpleSerializedType(DossierSubmitted.class.getName(), null);
  private static final SimpleSerializedType REVISION_2 =
      new SimpleSerializedType(DossierSubmitted.class.getName(), "2");
  private static final SimpleSerializedType REVISION_3 =
      new SimpleSerializedType(DossierSubmitted.class.getName(), "3");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().equals(REVISION_NONE)
        || representation.getType().equals(REVISION_2)
        || representation.getType().equals(REVISION_3);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    String revision = representation.getType().getRevision();
    return representation.upcastPayload(
        new SimpleSerializedType(DossierSubmitted.class.getName(), "4"),
        JsonNode.class,
        payload ->
            toRevision4(
                "3".equals(revision)
                    ? payload
                    : toRevision3(revision == null ? toRevision2(payload) : payload)));
  }

  static JsonNode toRevision4(JsonNode revision3) {
    ObjectNode upcast = ((ObjectNode) revision3).deepCopy();
    upcast.putNull("submittedOn");
    return upcast;
  }

  static JsonNode toRevision3(JsonNode revision2) {
    ObjectNode upcast = ((ObjectNode) revision2).deepCopy();
    upcast.putNull("personPseudonym");
    return upcast;
  }

  static JsonNode toRevision2(JsonNode revisionNone) {
    ObjectNode old = (ObjectNode) revisionNone;
    ObjectNode content = old.objectNode();
    content.set("nationality", old.get("nationality"));
    content.set("children", old.get("children"));
    content.set("traffickingVictim", old.get("traffickingVictim"));
    content.putArray("plannedActions");
    ObjectNode upcast = old.objectNode();
    upcast.set("dossierId", old.get("dossierId"));
    upcast.set("departmentCode", old.get("departmentCode"));
    upcast.set("personId", old.get("dossierId"));
    upcast.set("content", content);
    upcast.putNull("ageBand");
    upcast.set("submittedAt", old.get("submittedAt"));
    return upcast;
  }
}
