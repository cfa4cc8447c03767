function rateLimitBudget({limit, window_seconds, request_weight, requests_per_second = 0.0}) {
  const max_requests_per_window = Math.floor(limit/request_weight);
  const min_interval_seconds = request_weight*window_seconds/limit;
  const utilization = request_weight*requests_per_second*window_seconds/limit;
  return {max_requests_per_window, min_interval_seconds, utilization};
}
