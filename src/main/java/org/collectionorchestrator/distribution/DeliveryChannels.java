package org.collectionorchestrator.distribution;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collectionorchestrator.invoice.Channel;

/** The channels configured in this installation; a channel without settings is absent and counts as unavailable. */
public class DeliveryChannels {

    private final Map<Channel, DeliveryChannel> byChannel = new EnumMap<>(Channel.class);

    public DeliveryChannels(List<DeliveryChannel> channels) {
        channels.forEach(c -> byChannel.put(c.channel(), c));
    }

    public Optional<DeliveryChannel> get(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }
}
