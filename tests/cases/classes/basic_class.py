class Dog:
    species = 'canis'
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def bark(self):
        return f'{self.name} says woof'
    def birthday(self):
        self.age += 1
        return self
d = Dog('Rex', 3)
print(d.name, d.age, d.species, Dog.species, d.bark())
d.birthday().birthday()
print(d.age)
d.species = 'own'
print(d.species, Dog.species, Dog('a', 1).species)
Dog.species = 'changed'
print(Dog('b', 2).species, d.species)
print(type(d).__name__, Dog.__name__, Dog.__qualname__, Dog.__module__, isinstance(d, Dog))
print(sorted(vars(d)), Dog.bark(d), Dog.bark.__name__)
m = d.bark
print(m(), m.__self__ is d, m.__func__ is Dog.bark)
