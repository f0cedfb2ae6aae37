class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
    def describe(self):
        return f'{self.name}: {self.speak()}'
class Cat(Animal):
    def speak(self):
        return 'meow'
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + '!'
for a in [Animal('generic'), Cat('tom'), Lion('leo', 'west')]:
    print(a.describe(), type(a).__name__, isinstance(a, Cat))
print(Lion.__mro__)
print(Lion.__bases__, Cat.__base__, issubclass(Lion, Animal))
l = Lion('simba', 'east')
print(l.pride, l.name, Animal.speak(l), Cat.speak(l))
