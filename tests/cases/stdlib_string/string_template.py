from string import Template

t = Template('$who likes $what')
print(t.template, t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.substitute({'who': 'ann', 'what': 'tea'}, what='coffee'))
print(Template('${noun}ification $$5 $$$x').substitute(noun='class', x=1))
print(Template('$a$b${c}d').substitute(a=1, b=[2], c=None))
print(Template('no placeholders').substitute())
print(Template('$_x1 $X_Y $é').safe_substitute(_x1='u', X_Y='v'))
print(Template('${a b} $').safe_substitute(a=1))
print(Template('$x').substitute({'x': 1}, x=2))

d = dict(who='tim')
print(Template('$who likes $what').safe_substitute(d))
print(Template('${who} likes ${what}').safe_substitute(d))
print(Template('$who $ $1 ${2} $$').safe_substitute(d))

for text in ['Give $who $100', 'ok\nsecond $', '$', 'a\r\nb\nc ${x', '${}',
             'line1\nline2\n  $!']:
    try:
        Template(text).substitute(who='tim', x=1)
    except ValueError as e:
        print('ValueError', e)
for text, kw in [('$who likes $what', {'who': 'tim'}), ('${missing}', {})]:
    try:
        Template(text).substitute(**kw)
    except KeyError as e:
        print('KeyError', e)
try:
    Template('$a').substitute({}, {})
except TypeError as e:
    print('TypeError', e)

print(Template('$a ${b} $a $$c $').get_identifiers())
print(Template('$a ${b}').is_valid(), Template('$a $').is_valid(), Template('').is_valid())
print(Template.delimiter, Template.idpattern, Template.braceidpattern)


class Percent(Template):
    delimiter = '%'


print(Percent('%who is %% 100%').safe_substitute(who='x'))
print(Percent('%{a}b %a').substitute(a='A'))


class Long(Template):
    delimiter = '<<'


print(Long('<<x and <<<<x <<{y}').substitute(x=1, y=2))


class Obj:
    def __str__(self):
        return 'OBJ'


print(Template('[$o]').substitute(o=Obj()))


class Mapping:
    def __getitem__(self, key):
        return key.upper()


print(Template('$abc ${d}').substitute(Mapping()))
