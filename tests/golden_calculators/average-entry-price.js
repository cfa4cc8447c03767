function averageEntryPrice({contract_type, quantity, entry_price, add_quantity, add_price}) {
  if (!Object.hasOwn({"linear": 0, "inverse": 1}, contract_type)) throw new RangeError(`contract_type must be one of linear, inverse, got ${contract_type}`);
  const k = {"linear": 0, "inverse": 1}[contract_type];
  const entry_weight = Math.pow(entry_price, -k);
  const add_weight = Math.pow(add_price, -k);
  const average_entry_price = (add_price*add_quantity*add_weight + entry_price*entry_weight*quantity)/(add_quantity*add_weight + entry_weight*quantity);
  const total_quantity = add_quantity + quantity;
  return {average_entry_price, total_quantity};
}

function solve_add_quantity({contract_type, quantity, entry_price, add_price, average_entry_price}) {
  if (!Object.hasOwn({"linear": 0, "inverse": 1}, contract_type)) throw new RangeError(`contract_type must be one of linear, inverse, got ${contract_type}`);
  const k = {"linear": 0, "inverse": 1}[contract_type];
  if (!((-add_price + average_entry_price)*(average_entry_price - entry_price) < 0)) throw new NoSolution("no add_quantity gives this average: average_entry_price must lie strictly between entry_price and add_price");
  return Math.pow(add_price, k)*Math.pow(entry_price, -2*k)*quantity*(average_entry_price*Math.pow(entry_price, k) - Math.pow(entry_price, k + 1))/(add_price - average_entry_price);
}
