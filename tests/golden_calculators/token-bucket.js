function tokenBucket({capacity, refill_rate, tokens, elapsed_seconds, cost}) {
  if (!(cost <= capacity)) throw new RangeError("cost must not exceed capacity: such a request could never pass");
  const tokens_available = Math.min(capacity, elapsed_seconds*refill_rate + tokens);
  const allowed = ((cost <= tokens_available) ? (1) : (0));
  const tokens_after = -allowed*cost + tokens_available;
  const wait_seconds = Math.max(0, cost - tokens_available)/refill_rate;
  return {tokens_available, allowed, tokens_after, wait_seconds};
}
