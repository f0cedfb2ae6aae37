# Classes with methods and attribute access: a small task scheduler in the
# spirit of the Richards benchmark (queues of packets, task objects).
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4
    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst
class Task:
    def __init__(self, ident, priority, queue):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.count = 0
        self.held = False
    def run(self, sched):
        pkt = self.queue
        if pkt is not None:
            self.queue = pkt.link
            self.count += 1
            pkt.datum = (pkt.datum + self.ident) % 26
            pkt.data[self.count % 4] += pkt.datum
            target = sched.tasks[(self.ident + pkt.datum) % len(sched.tasks)]
            target.queue = pkt.append_to(target.queue)
            return pkt.datum
        self.held = not self.held
        return 0
class Scheduler:
    def __init__(self, n_tasks, n_packets):
        self.tasks = [Task(i, i % 3, None) for i in range(n_tasks)]
        for j in range(n_packets):
            t = self.tasks[j % n_tasks]
            t.queue = Packet(None, j, j % 2).append_to(t.queue)
        self.total = 0
    def schedule(self, rounds):
        for _ in range(rounds):
            for t in self.tasks:
                if not t.held or t.queue is not None:
                    self.total += t.run(self)
        return self.total
s = Scheduler(10, 30)
print(s.schedule(75000), sum(t.count for t in s.tasks))
