inventory = {'apple': 5, 'banana': 0, 'cherry': 12}
orders = [('apple', 3), ('banana', 1), ('cherry', 12), ('durian', 1), ('apple', 3)]
log = []
for item, qty in orders:
    stock = inventory.get(item)
    if stock is None:
        log.append(f'unknown item {item}')
    elif stock < qty:
        log.append(f'short on {item}: have {stock}, want {qty}')
    else:
        inventory[item] = stock - qty
        log.append(f'shipped {qty} {item}')
print('\n'.join(log))
print(inventory)
restock = {k: 10 for k, v in inventory.items() if v == 0}
inventory.update(restock)
print(inventory, sum(inventory.values()))
report = sorted(inventory.items(), key=lambda kv: (-kv[1], kv[0]))
for name, count in report:
    print(f'{name:<10}{count:>5}{"*" * count}')
