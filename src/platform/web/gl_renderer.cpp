// Dear ImGui draw data → WebGL2, with state set once (see gl_renderer.hpp).
#include "platform/web/gl_renderer.hpp"

#include <GLES3/gl3.h>
#include <emscripten/em_js.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "imgui.h"

namespace mapathy::platform::web {
namespace {

// The program web/platform.js compiled and linked while the module downloaded (its GLSL and why it looks as it
// does are there), entered into Emscripten's table of GL programs: its id, or 0 when the page has none.
EM_JS(GLuint, mapathy_js_adopt_program, (), {
  var program = MapathyWeb.takeProgram();
  if (!program) return 0;
  var id = GL.getNewId(GL.programs);
  program.name = id;
  program.maxUniformLength = program.maxAttributeLength = program.maxUniformBlockNameLength = 0;
  program.uniformIdCounter = 1;
  program.uniformLocsById = 0;
  program.uniformSizeAndIdsByName = {};
  GL.programs[id] = program;
  return id;
});

// The attribute locations of the shaders' inputs (layout qualifiers in web/platform.js's GLSL).
constexpr GLuint kPosition = 0, kUv = 1, kColour = 2, kProjection = 3, kWhiteUv = 4, kRgba = 5;

// ImVector and memcpy/memcmp, not std::vector's insert and operator==: at -Oz libc++'s are not inlined and go
// byte by byte through out-of-line iterator and construct calls, several ms per frame in the browser (a CPU
// profile of the start showed about 12 ms in them over the first three frames).
void append(ImVector<unsigned char>& out, const void* data, std::size_t size) {
  const int at = out.Size;
  out.resize(at + static_cast<int>(size));  // ImVector: grows by half again, constructs nothing
  if (size > 0) std::memcpy(out.Data + at, data, size);
}

bool sameBytes(const ImVector<unsigned char>& a, const ImVector<unsigned char>& b) {
  return a.Size == b.Size && (a.Size == 0 || std::memcmp(a.Data, b.Data, static_cast<std::size_t>(a.Size)) == 0);
}

// The frame as bytes: everything that decides its pixels.
void describe(const ImDrawData& drawData, int width, int height, const float clear[3],
              ImVector<unsigned char>& out) {
  out.resize(0);  // keeps the buffer (ImVector::clear would free it)
  const int header[3] = {width, height, drawData.CmdListsCount};
  append(out, header, sizeof header);
  append(out, clear, 3 * sizeof(float));
  append(out, &drawData.DisplayPos, sizeof drawData.DisplayPos);
  append(out, &drawData.DisplaySize, sizeof drawData.DisplaySize);
  append(out, &drawData.FramebufferScale, sizeof drawData.FramebufferScale);
  for (int n = 0; n < drawData.CmdListsCount; ++n) {
    const ImDrawList& list = *drawData.CmdLists[n];
    const int sizes[3] = {list.CmdBuffer.Size, list.VtxBuffer.Size, list.IdxBuffer.Size};
    append(out, sizes, sizeof sizes);
    for (const ImDrawCmd& command : list.CmdBuffer) {
      append(out, &command.ClipRect, sizeof command.ClipRect);
      const auto texture = reinterpret_cast<std::uintptr_t>(command.TextureId);
      const auto callback = reinterpret_cast<std::uintptr_t>(command.UserCallback);
      const std::uintptr_t fields[5] = {texture, command.VtxOffset, command.IdxOffset, command.ElemCount, callback};
      append(out, fields, sizeof fields);
    }
    append(out, list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    append(out, list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
  }
}

// Buffers grow by half again, so a board that grows a little each frame does not reallocate each frame.
std::size_t grown(std::size_t needed) { return std::max<std::size_t>(needed + needed / 2, 64 * 1024); }

}  // namespace

bool GlRenderer::init(const char* canvasSelector) {
  EmscriptenWebGLContextAttributes attributes;
  emscripten_webgl_init_context_attributes(&attributes);
  attributes.majorVersion = 2;
  attributes.minorVersion = 0;
  attributes.alpha = EM_FALSE;
  attributes.depth = EM_FALSE;
  attributes.stencil = EM_FALSE;
  attributes.antialias = EM_FALSE;
  attributes.preserveDrawingBuffer = EM_FALSE;
  // No extensions: enabling them all (Emscripten's default) asks the GPU process for its list, a wait.
  attributes.enableExtensionsByDefault = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(canvasSelector, &attributes);
  if (context <= 0) return false;
  emscripten_webgl_make_context_current(context);

  // The shaders were compiled and linked by web/platform.js, right after it created the context: the GPU process
  // works on them while the module downloads. Nothing asks for their status (that would wait for the GPU).
  program_ = mapathy_js_adopt_program();
  if (program_ == 0) return false;

  // Fixed state: alpha blending as ImGui expects it, scissor on, nothing else.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);

  glGenVertexArrays(1, &vertexArray_);
  glBindVertexArray(vertexArray_);
  glGenBuffers(1, &vertexBuffer_);
  glGenBuffers(1, &indexBuffer_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);  // part of the vertex array's state
  glEnableVertexAttribArray(kPosition);
  glEnableVertexAttribArray(kUv);
  glEnableVertexAttribArray(kColour);

  glGenTextures(1, &fontTexture_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, fontTexture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "mapathy_webgl2";
  // Draw lists longer than 65,536 vertices are drawn in parts: each part's vertices start at VtxOffset,
  // which this renderer honours by pointing the vertex attributes there (WebGL2 has no base-vertex draw).
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  return true;
}

void GlRenderer::uploadFontAtlas(ImFontAtlas& atlas) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  // RGBA only when the atlas holds colour glyphs (platform/fonts.hpp): four times the bytes of coverage.
  const bool rgba = atlas.TexPixelsRGBA32 != nullptr;
  glBindTexture(GL_TEXTURE_2D, fontTexture_);
  if (rgba) {
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  } else {
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  }
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(fontTexture_)));
  glVertexAttrib2f(kWhiteUv, atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y);
  glVertexAttrib1f(kRgba, rgba ? 1.0f : 0.0f);
  canvasCurrent_ = false;
}

void GlRenderer::warmUp(int framebufferWidth, int framebufferHeight, const float clear[3]) {
  if (framebufferWidth <= 0 || framebufferHeight <= 0) return;
  // WebGL checks here that the program is linked, so this waits until the GPU process has linked it (asked for
  // by web/platform.js at the start; 6–50 ms under SwiftShader): the first frame waited for it before.
  glUseProgram(program_);
  programInUse_ = true;
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  viewportWidth_ = framebufferWidth;
  viewportHeight_ = framebufferHeight;
  glClearColor(clear[0], clear[1], clear[2], 1.0f);
  std::copy(clear, clear + 3, clear_);
  glScissor(0, 0, framebufferWidth, framebufferHeight);
  glClear(GL_COLOR_BUFFER_BIT);
  // One pixel's triangle in the corner, fully transparent: blending leaves the pixel as it is. (The pipeline is
  // the same whichever of the fragment shader's two paths a pixel takes.)
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  ImDrawVert vertices[3] = {};
  vertices[0].pos = ImVec2(0, 0);
  vertices[1].pos = ImVec2(2, 0);
  vertices[2].pos = ImVec2(0, 2);
  vertices[0].uv = white;
  vertices[1].uv = ImVec2(0, 0);
  vertices[2].uv = white;
  const ImDrawIdx indices[3] = {0, 1, 2};
  glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof indices, indices, GL_STREAM_DRAW);
  vertexCapacity_ = sizeof vertices;
  indexCapacity_ = sizeof indices;
  const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
  const auto at = [](std::size_t field) { return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(field)); };
  glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
  vertexOffset_ = 0;
  const float width = static_cast<float>(framebufferWidth), height = static_cast<float>(framebufferHeight);
  glVertexAttrib4f(kProjection, 2.0f / width, -2.0f / height, -1.0f, 1.0f);
  projectionSize_[0] = projectionSize_[1] = 0;  // the first frame sets its own
  glScissor(0, framebufferHeight - 1, 1, 1);
  constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  glDrawElements(GL_TRIANGLES, 3, kIndexType, nullptr);
  glFlush();  // to the GPU process now, not with the first frame
  canvasCurrent_ = false;
}

bool GlRenderer::render(const ImDrawData& drawData, int framebufferWidth, int framebufferHeight, const float clear[3]) {
  if (framebufferWidth <= 0 || framebufferHeight <= 0) return false;
  describe(drawData, framebufferWidth, framebufferHeight, clear, next_);
  if (canvasCurrent_ && sameBytes(next_, shown_)) return false;
  shown_.swap(next_);
  canvasCurrent_ = true;
  if (!programInUse_) {  // (warmUp has done it at start)
    glUseProgram(program_);
    programInUse_ = true;
  }
  if (framebufferWidth != viewportWidth_ || framebufferHeight != viewportHeight_) {
    glViewport(0, 0, framebufferWidth, framebufferHeight);
    viewportWidth_ = framebufferWidth;
    viewportHeight_ = framebufferHeight;
  }
  if (clear[0] != clear_[0] || clear[1] != clear_[1] || clear[2] != clear_[2]) {
    glClearColor(clear[0], clear[1], clear[2], 1.0f);
    std::copy(clear, clear + 3, clear_);
  }
  // The scissor test also limits glClear: open it to the whole canvas first.
  glScissor(0, 0, framebufferWidth, framebufferHeight);
  glClear(GL_COLOR_BUFFER_BIT);
  if (drawData.TotalVtxCount == 0) return true;

  // The stock backend's orthographic projection: its matrix's scale and offset terms.
  const float left = drawData.DisplayPos.x, right = drawData.DisplayPos.x + drawData.DisplaySize.x;
  const float top = drawData.DisplayPos.y, bottom = drawData.DisplayPos.y + drawData.DisplaySize.y;
  if (right != projectionSize_[0] || bottom != projectionSize_[1]) {
    glVertexAttrib4f(kProjection, 2.0f / (right - left), 2.0f / (top - bottom), (right + left) / (left - right),
                     (top + bottom) / (bottom - top));
    projectionSize_[0] = right;
    projectionSize_[1] = bottom;
  }

  // All draw lists go into the two buffers one after the other.
  const std::size_t vertexBytes = static_cast<std::size_t>(drawData.TotalVtxCount) * sizeof(ImDrawVert);
  const std::size_t indexBytes = static_cast<std::size_t>(drawData.TotalIdxCount) * sizeof(ImDrawIdx);
  if (vertexBytes > vertexCapacity_) {
    vertexCapacity_ = grown(vertexBytes);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertexCapacity_), nullptr, GL_STREAM_DRAW);
  }
  if (indexBytes > indexCapacity_) {
    indexCapacity_ = grown(indexBytes);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indexCapacity_), nullptr, GL_STREAM_DRAW);
  }
  std::size_t vertexAt = 0, indexAt = 0;
  for (int n = 0; n < drawData.CmdListsCount; ++n) {
    const ImDrawList& list = *drawData.CmdLists[n];
    const auto listVertexBytes = static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert);
    const auto listIndexBytes = static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx);
    if (listVertexBytes > 0)
      glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(vertexAt), static_cast<GLsizeiptr>(listVertexBytes),
                      list.VtxBuffer.Data);
    if (listIndexBytes > 0)
      glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLintptr>(indexAt), static_cast<GLsizeiptr>(listIndexBytes),
                      list.IdxBuffer.Data);
    vertexAt += listVertexBytes;
    indexAt += listIndexBytes;
  }

  const ImVec2 clipScale = drawData.FramebufferScale;
  const ImVec2 clipOffset = drawData.DisplayPos;
  constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  std::size_t listVertexStart = 0, listIndexStart = 0;
  for (int n = 0; n < drawData.CmdListsCount; ++n) {
    const ImDrawList& list = *drawData.CmdLists[n];
    for (const ImDrawCmd& command : list.CmdBuffer) {
      if (command.UserCallback != nullptr) {
        // Mapathy adds no callbacks; ImDrawCallback_ResetRenderState needs nothing: state never changes.
        if (command.UserCallback != ImDrawCallback_ResetRenderState) command.UserCallback(&list, &command);
        continue;
      }
      const float minX = (command.ClipRect.x - clipOffset.x) * clipScale.x;
      const float minY = (command.ClipRect.y - clipOffset.y) * clipScale.y;
      const float maxX = (command.ClipRect.z - clipOffset.x) * clipScale.x;
      const float maxY = (command.ClipRect.w - clipOffset.y) * clipScale.y;
      if (maxX <= minX || maxY <= minY || command.ElemCount == 0) continue;
      glScissor(static_cast<int>(minX), static_cast<int>(static_cast<float>(framebufferHeight) - maxY),
                static_cast<int>(maxX - minX), static_cast<int>(maxY - minY));
      const std::size_t vertexOffset = (listVertexStart + command.VtxOffset) * sizeof(ImDrawVert);
      if (vertexOffset != vertexOffset_) {
        const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
        const auto at = [vertexOffset](std::size_t field) {
          return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(vertexOffset + field));
        };
        glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
        glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
        glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
        vertexOffset_ = vertexOffset;
      }
      // One texture (the font atlas) is all Mapathy draws with; it stays bound.
      const std::size_t indexOffset = (listIndexStart + command.IdxOffset) * sizeof(ImDrawIdx);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), kIndexType,
                     reinterpret_cast<const void*>(static_cast<std::uintptr_t>(indexOffset)));
    }
    listVertexStart += static_cast<std::size_t>(list.VtxBuffer.Size);
    listIndexStart += static_cast<std::size_t>(list.IdxBuffer.Size);
  }
  return true;
}

}  // namespace mapathy::platform::web
