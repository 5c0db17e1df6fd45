package fr.passerelle.dossier.intake.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.dossier.intake.api.DossierSubmitted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads the earlier {@code DossierSubmitted} as revision 3. Revision none (the walking skeleton's:
 * nationality, children and trafficking flag at the top level, no draft before it) first becomes
 * revision 2: those facts move into {@code content}, the person is unknown (the dossier id stands
 * in for them, as no personal file was ever kept) and so is the age band. Revision 2 has no
 * pseudonym of the person: it stays unknown, and the republished submission then names no person at
 * all.
 */
@Component
public class DossierSubmittedUpcaster extends SingleEventUpcaster {

  private static final SimpleSerializedType REVISION_NONE =
      new SimpleSerializedType(DossierSubmitted.class.getName(), null);
  private static final SimpleSerializedType REVISION_2 =
      new SimpleSerializedType(DossierSubmitted.class.getName(), "2");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().equals(REVISION_NONE)
        || representation.getType().equals(REVISION_2);
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    boolean skeleton = representation.getType().equals(REVISION_NONE);
    return representation.upcastPayload(
        new SimpleSerializedType(DossierSubmitted.class.getName(), "3"),
        JsonNode.class,
        payload -> toRevision3(skeleton ? toRevision2(payload) : payload));
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
