def token_bucket(*, capacity, refill_rate, tokens, elapsed_seconds, cost):
    """Token bucket: Whether a request of a given cost passes a token-bucket limiter, and how long to wait if not.

    capacity: Capacity (tokens); > 0.
    refill_rate: Refill rate (tokens/s); > 0.
    tokens: Tokens now (tokens); ≥ 0.
    elapsed_seconds: Elapsed (s); ≥ 0.
    cost: Request cost (tokens); ≥ 0.
    Returns every output by name: tokens_available, allowed, tokens_after, wait_seconds.
    """
    if not (cost <= capacity):
        raise ValueError('cost must not exceed capacity: such a request could never pass')
    tokens_available = min(capacity, elapsed_seconds*refill_rate + tokens)
    allowed = ((1) if (cost <= tokens_available) else (0))
    tokens_after = -allowed*cost + tokens_available
    wait_seconds = max(0, cost - tokens_available)/refill_rate
    return {"tokens_available": tokens_available, "allowed": allowed, "tokens_after": tokens_after, "wait_seconds": wait_seconds}
