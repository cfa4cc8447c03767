import math


def impermanent_loss(*, price_ratio):
    """Impermanent loss: Loss of a 50/50 constant-product position against holding, for a given price change.

    price_ratio: Price ratio (new / old) (ratio); > 0.
    Returns every output by name: impermanent_loss.
    """
    impermanent_loss = 2*math.sqrt(price_ratio)/(price_ratio + 1) - 1
    return {"impermanent_loss": impermanent_loss}
