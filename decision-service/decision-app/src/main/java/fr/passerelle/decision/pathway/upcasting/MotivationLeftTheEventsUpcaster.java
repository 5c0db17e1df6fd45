package fr.passerelle.decision.pathway.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.decision.pathway.api.PathwayAuthorised;
import fr.passerelle.decision.pathway.api.PathwayRefused;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads the préfet's decisions recorded before motivations left the event store (revision none,
 * with a {@code motivation}) as revision 2: the motivation is not read, and the decision has no id
 * under which one is kept. Erasing the old texts from the store is the vault's erasure's business.
 */
@Component
public class MotivationLeftTheEventsUpcaster extends SingleEventUpcaster {

  private static final Set<String> DECISIONS =
      Set.of(PathwayAuthorised.class.getName(), PathwayRefused.class.getName());

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return representation.getType().getRevision() == null
        && DECISIONS.contains(representation.getType().getName());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        new SimpleSerializedType(representation.getType().getName(), "2"),
        JsonNode.class,
        MotivationLeftTheEventsUpcaster::toRevision2);
  }

  static JsonNode toRevision2(JsonNode revisionNone) {
    ObjectNode upcast = ((ObjectNode) revisionNone).deepCopy();
    upcast.remove("motivation");
    upcast.putNull("decisionId");
    return upcast;
  }
}
