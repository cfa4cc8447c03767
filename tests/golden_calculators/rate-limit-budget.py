def floor_quotient(a, b):
    """⌊a ÷ b⌋ for a and b read as the decimals they were written as."""
    from fractions import Fraction

    return (Fraction(repr(float(a))) / Fraction(repr(float(b)))).__floor__()


def rate_limit_budget(*, limit, window_seconds, request_weight, requests_per_second=0.0):
    """API rate-limit budget: How many requests of a given weight fit in a window, and how much of it a request rate uses.

    limit: Limit (weight per window); > 0.
    window_seconds: Window (s); > 0.
    request_weight: Request weight (weight); > 0.
    requests_per_second: Request rate (requests/s); ≥ 0.
    Returns every output by name: max_requests_per_window, min_interval_seconds, utilization.
    """
    max_requests_per_window = floor_quotient(limit, request_weight)
    min_interval_seconds = request_weight*window_seconds/limit
    utilization = request_weight*requests_per_second*window_seconds/limit
    return {"max_requests_per_window": max_requests_per_window, "min_interval_seconds": min_interval_seconds, "utilization": utilization}
