package org.scorelab.grading.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The static check that runs before any student code does: reads each compiled class of the student's files with ASM
 * and refuses a file whose classes use anything outside {@link Policy}'s allow-list: a method call, a field, a type
 * created, cast to or named as a class literal, a super type, or a method reference. The refusal names the class, the
 * method and the forbidden call. A JVM running the code is still limited by the grader's process boundary; this check
 * keeps out what a process boundary cannot judge (reflection into the suites, System.exit, threads, files).
 */
public final class StaticCheck {
    private StaticCheck() {
    }

    /**
     * The refusals of the classes compiled from the student file {@code path} (e.g.
     * {@code org/scorelab/dsm/GaussianMixture.java}) found in {@code classes}: one line per distinct forbidden use,
     * at most 10, or an empty list when the file is allowed.
     */
    public static List<String> refusals(Path classes, String path) {
        Path dir = classes.resolve(path).getParent();
        String source = path.substring(path.lastIndexOf('/') + 1);
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                ClassReader reader = new ClassReader(Files.readAllBytes(f));
                Checker checker = new Checker();
                reader.accept(checker, ClassReader.SKIP_FRAMES);
                if (source.equals(checker.source)) {
                    found.addAll(checker.refusals.keySet());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().limit(10).toList();
    }

    /** Collects the refusals of one class. */
    private static final class Checker extends ClassVisitor {
        final Map<String, String> refusals = new LinkedHashMap<>();
        String source;
        private String className;

        Checker() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name.replace('/', '.');
            List<String> supers = new ArrayList<>();
            if (superName != null) {
                supers.add(superName);
            }
            supers.addAll(List.of(interfaces == null ? new String[0] : interfaces));
            for (String s : supers) {
                use(null, s, null, "extends " + s.replace('/', '.'));
            }
        }

        @Override
        public void visitSource(String file, String debug) {
            source = file;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            String method = name.equals("<clinit>") ? "static initializer"
                : (name.equals("<init>") ? "constructor" : name) + parameters(descriptor);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                    use(method, owner, n, owner.replace('/', '.') + (n.equals("<init>") ? "" : "." + n) + parameters(d));
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String n, String d) {
                    use(method, owner, n, owner.replace('/', '.') + "." + n);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    use(method, type, opcode == Opcodes.NEW ? "<init>" : null, type.replace('/', '.'));
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                        use(method, t.getInternalName(), null, t.getClassName() + ".class");
                    } else if (value instanceof Handle h) {
                        handle(method, h);
                    } else if (value instanceof ConstantDynamic) {
                        refuse(method, "a dynamic constant", "dynamic constants are not allowed");
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                    if (!Policy.BOOTSTRAPS.contains(bootstrap.getOwner())) {
                        refuse(method, "invokedynamic " + bootstrap.getOwner().replace('/', '.'),
                            "method handles are not allowed");
                    }
                    for (Object arg : args) {
                        if (arg instanceof Handle h) {
                            handle(method, h);
                        }
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String d, int dims) {
                    use(method, Type.getType(d).getElementType().getInternalName(), null, d);
                }
            };
        }

        private void handle(String method, Handle h) {
            use(method, h.getOwner(), h.getName(), h.getOwner().replace('/', '.') + "::" + h.getName());
        }

        private void use(String method, String owner, String member, String what) {
            if (owner.length() == 1) {
                return; // a primitive type
            }
            Optional<String> why = Policy.refusal(owner, member);
            why.ifPresent(w -> refuse(method, what, w));
        }

        private void refuse(String method, String what, String why) {
            refusals.putIfAbsent(className + (method == null ? "" : "." + method) + " uses " + what + ": " + why, why);
        }

        private static String parameters(String descriptor) {
            List<String> names = new ArrayList<>();
            for (Type t : Type.getArgumentTypes(descriptor)) {
                String c = t.getClassName();
                names.add(c.substring(c.lastIndexOf('.') + 1));
            }
            return "(" + String.join(", ", names) + ")";
        }
    }
}
