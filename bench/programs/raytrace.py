# A small ray tracer: vector classes with operator methods, spheres and a
# plane, diffuse shading, shadows and one level of reflection.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def reflect(self, normal):
        return self - normal.scale(2 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Shape:
    def __init__(self, color, reflectivity):
        self.color = color
        self.reflectivity = reflectivity


class Sphere(Shape):
    def __init__(self, center, radius, color, reflectivity=0.0):
        Shape.__init__(self, color, reflectivity)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return (p - self.center).normalized()


class Plane(Shape):
    def __init__(self, point, normal, color, reflectivity=0.0):
        Shape.__init__(self, color, reflectivity)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return self.normal


class Scene:
    def __init__(self, shapes, light, ambient):
        self.shapes = shapes
        self.light = light
        self.ambient = ambient

    def closest(self, ray):
        best, hit = None, None
        for s in self.shapes:
            t = s.intersect(ray)
            if t is not None and (best is None or t < best):
                best, hit = t, s
        return best, hit

    def trace(self, ray, depth):
        t, shape = self.closest(ray)
        if shape is None:
            return Vec(0.1, 0.1, 0.2)
        p = ray.at(t)
        n = shape.normal_at(p)
        to_light = (self.light - p).normalized()
        shade = self.ambient
        lit = n.dot(to_light)
        if lit > 0:
            blocker, _ = self.closest(Ray(p, to_light))
            if blocker is None or blocker > (self.light - p).length():
                shade += lit
        color = shape.color.scale(shade)
        if depth > 0 and shape.reflectivity > 0:
            bounce = self.trace(Ray(p, ray.direction.reflect(n)), depth - 1)
            color = color.scale(1 - shape.reflectivity) + bounce.scale(shape.reflectivity)
        return color


def render(scene, width, height):
    eye = Vec(0.0, 1.0, -4.0)
    total = 0
    for j in range(height):
        for i in range(width):
            x = (i - width / 2) / width
            y = (height / 2 - j) / height
            c = scene.trace(Ray(eye, Vec(x, y + 0.0, 1.0)), 2)
            r = min(255, int(c.x * 255))
            g = min(255, int(c.y * 255))
            b = min(255, int(c.z * 255))
            total = (total * 7 + r * 65536 + g * 256 + b) % 1000000007
    return total


scene = Scene([
    Sphere(Vec(0.0, 1.0, 3.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
    Sphere(Vec(-2.0, 0.7, 4.0), 0.7, Vec(0.2, 0.9, 0.2), 0.5),
    Sphere(Vec(1.8, 0.5, 2.0), 0.5, Vec(0.2, 0.2, 0.9)),
    Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), Vec(0.8, 0.8, 0.8), 0.2),
], Vec(5.0, 8.0, -3.0), 0.15)
print(render(scene, 176, 132))
