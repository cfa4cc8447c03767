// ⌊a ÷ b⌋ for a and b read as the decimals they were written as (0.3 ÷ 0.1 is 3, not 2):
// String(x) gives the shortest digits that read back as x, and BigInt divides them exactly.
// exact.py's floor_quotient is the same rule.
function floorQuotient(a, b) {
  const decimal = x => {
    const [digits, exponent = "0"] = String(x).split("e");
    const [whole, fraction = ""] = digits.split(".");
    return [BigInt(whole + fraction), Number(exponent) - fraction.length];
  };
  const [ma, ea] = decimal(a), [mb, eb] = decimal(b);
  let top = ma, bottom = mb;
  if (ea >= eb) top *= 10n ** BigInt(ea - eb); else bottom *= 10n ** BigInt(eb - ea);
  if (bottom < 0n) { top = -top; bottom = -bottom; }
  const quotient = top / bottom;  // rounds toward zero
  return Number(top % bottom !== 0n && top < 0n ? quotient - 1n : quotient);
}

function rateLimitBudget({limit, window_seconds, request_weight, requests_per_second = 0.0}) {
  const max_requests_per_window = floorQuotient(limit, request_weight);
  const min_interval_seconds = request_weight*window_seconds/limit;
  const utilization = request_weight*requests_per_second*window_seconds/limit;
  return {max_requests_per_window, min_interval_seconds, utilization};
}
